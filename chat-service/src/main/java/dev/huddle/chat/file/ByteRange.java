package dev.huddle.chat.file;

/**
 * The part of a file a download asks for with {@code Range} (RFC 9110 §14): one range of bytes.
 * Several ranges, or a header that does not parse, mean the whole file (a server may ignore Range).
 *
 * @param start  first byte, inclusive
 * @param length how many bytes
 */
public record ByteRange(long start, long length) {

    /** What a {@code Range} header asks of a file of {@code size} bytes. */
    public sealed interface Request {
        /** No usable Range: the whole file, 200. */
        record Whole() implements Request {
        }

        /** One satisfiable range: 206 with Content-Range. */
        record Part(ByteRange range) implements Request {
        }

        /** A range entirely past the end: 416 with {@code Content-Range: bytes *}{@code /size}. */
        record Unsatisfiable() implements Request {
        }
    }

    /** {@code bytes start-end/size}. */
    public String contentRange(long size) {
        return "bytes " + start + "-" + (start + length - 1) + "/" + size;
    }

    public static Request parse(String header, long size) {
        if (header == null || !header.regionMatches(true, 0, "bytes=", 0, 6) || header.indexOf(',') >= 0) {
            return new Request.Whole();
        }
        String spec = header.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Request.Whole();
        }
        Long first = number(spec.substring(0, dash).strip());
        Long last = number(spec.substring(dash + 1).strip());
        if (first == null) {
            if (last == null || spec.substring(0, dash).strip().length() > 0) {
                return new Request.Whole();
            }
            // suffix: the last N bytes
            if (last == 0 || size == 0) {
                return new Request.Unsatisfiable();
            }
            long n = Math.min(last, size);
            return new Request.Part(new ByteRange(size - n, n));
        }
        if (spec.substring(dash + 1).strip().length() > 0 && (last == null || last < first)) {
            return new Request.Whole();
        }
        if (first >= size) {
            return new Request.Unsatisfiable();
        }
        long end = last == null ? size - 1 : Math.min(last, size - 1);
        return new Request.Part(new ByteRange(first, end - first + 1));
    }

    private static Long number(String digits) {
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(digits);
    }
}
