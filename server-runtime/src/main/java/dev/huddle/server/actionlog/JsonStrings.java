package dev.huddle.server.actionlog;

/**
 * The two pieces of JSON reading the masker needs, tolerant of broken input: decoding a string
 * literal's escapes and finding where a value ends. Both are linear and never throw.
 */
final class JsonStrings {

    private JsonStrings() {
    }

    /**
     * The characters of the string literal between {@code from} and {@code to} (quotes excluded)
     * with its escapes decoded; a malformed escape is kept as written.
     */
    static String decode(String text, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= to) {
                out.append(c);
                i++;
                continue;
            }
            char escaped = text.charAt(i + 1);
            switch (escaped) {
                case 'u' -> {
                    int code = i + 6 <= to ? hex4(text, i + 2) : -1;
                    if (code < 0) {
                        out.append(c);
                        i++;
                        continue;
                    }
                    out.append((char) code);
                    i += 6;
                    continue;
                }
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                default -> out.append(escaped);
            }
            i += 2;
        }
        return out.toString();
    }

    /**
     * Where a non-string value starting at {@code from} ends (exclusive): an object or array at its
     * matching bracket, anything else at the next {@code ,}, {@code }}, {@code ]} or white space;
     * the text length when it never ends.
     */
    static int valueEnd(String text, int from) {
        if (from >= text.length()) {
            return text.length();
        }
        char first = text.charAt(from);
        if (first != '{' && first != '[') {
            int i = from;
            while (i < text.length() && ",}]".indexOf(text.charAt(i)) < 0 && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i;
        }
        int depth = 0;
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                i = SecretMasker.closingQuote(text, i + 1) + 1;
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    /** Whether {@code null}, {@code true} or {@code false} starts at {@code at}: values that are never secrets. */
    static boolean isLiteralAt(String text, int at) {
        return text.startsWith("null", at) || text.startsWith("true", at) || text.startsWith("false", at);
    }

    private static int hex4(String text, int at) {
        int value = 0;
        for (int k = at; k < at + 4; k++) {
            int digit = Character.digit(text.charAt(k), 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
