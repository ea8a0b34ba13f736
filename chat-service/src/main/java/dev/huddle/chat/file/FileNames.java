package dev.huddle.chat.file;

import java.nio.charset.StandardCharsets;

/**
 * What happens to a file's name: it is kept for display only (files are stored under generated
 * keys), cleaned of anything that could mislead a screen or a file system, and sent back in a
 * {@code Content-Disposition} header that every browser reads the same way (RFC 6266, RFC 8187).
 */
public final class FileNames {

    /** The longest name kept, in code points; longer names keep their end (the extension). */
    public static final int MAX_CODE_POINTS = 200;
    private static final String FALLBACK = "file";

    private FileNames() {
    }

    /**
     * The display name for what a client sent: control and format characters (including the
     * right-to-left override that disguises {@code exe.pdf}) and path separators are removed, then
     * surrounding spaces and leading dots ({@code ../../etc/passwd} becomes {@code etcpasswd}, never
     * a hidden or parent name). Empty results become {@value #FALLBACK}.
     */
    public static String sanitize(String name) {
        StringBuilder clean = new StringBuilder();
        if (name != null) {
            name.codePoints().filter(FileNames::kept).forEach(clean::appendCodePoint);
        }
        String text = clean.toString().strip();
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '.' || Character.isWhitespace(text.charAt(start)))) {
            start++;
        }
        text = text.substring(start);
        int count = text.codePointCount(0, text.length());
        if (count > MAX_CODE_POINTS) {
            text = text.substring(text.offsetByCodePoints(0, count - MAX_CODE_POINTS));
        }
        return text.isEmpty() ? FALLBACK : text;
    }

    /**
     * {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>}: the quoted
     * form for old clients (non-ASCII as {@code _}, quotes and backslashes removed), the extended
     * form with the exact name for everyone else.
     */
    public static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                ascii.append((char) c);
            } else if (c >= 0x80) {
                ascii.append('_');
            }
        });
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncode(name);
    }

    // RFC 8187 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
    private static String percentEncode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean attrChar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "!#$&+-.^_`|~".indexOf(c) >= 0;
            if (attrChar) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean kept(int c) {
        if (c == '/' || c == '\\') {
            return false;
        }
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
            && type != Character.UNASSIGNED && type != Character.LINE_SEPARATOR
            && type != Character.PARAGRAPH_SEPARATOR;
    }
}
