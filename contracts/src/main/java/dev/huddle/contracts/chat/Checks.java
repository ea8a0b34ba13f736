package dev.huddle.contracts.chat;

import dev.huddle.contracts.ErrorCode;

/**
 * The value rules every {@link Command} obeys, whichever form it arrived in. The record
 * constructors call these, so the line and JSON codecs share one set of checks and a command
 * that exists is valid. Messages name values the way people say them ("project id"), so they
 * read right after a typed line and after a JSON frame alike.
 */
final class Checks {

    /** The most digits a positive {@code long} can have; longer runs are refused before parsing. */
    private static final int MAX_LONG_DIGITS = 19;

    private Checks() {
    }

    /** A one-word value (token, username, email): no spaces, tabs or control characters. */
    static String word(Verb verb, String label, String value) {
        String checked = present(verb, label, value);
        for (int i = 0; i < checked.length(); i++) {
            if (isBlank(checked.charAt(i))) {
                throw LineProtocolException.badRequest(verb, label + " must be a single word");
            }
        }
        return printable(verb, label, checked);
    }

    /** A password: anything printable, spaces included (the JSON form can carry them). */
    static String secret(Verb verb, String label, String value) {
        if (value == null || value.isEmpty()) {
            throw LineProtocolException.badRequest(verb, label + " required");
        }
        return printable(verb, label, value);
    }

    /** A free phrase (project name, member list): spaces and tabs at either end are dropped. */
    static String phrase(Verb verb, String label, String value) {
        return printable(verb, label, present(verb, label, value == null ? null : trimBlanks(value, true)));
    }

    /**
     * A message: leading spaces and tabs are dropped (the line form's separator swallows them),
     * trailing ones are kept as typed; not blank; at most {@link LineCodec#MAX_MESSAGE_CODE_POINTS}.
     */
    static String message(Verb verb, String value) {
        String text = present(verb, "message", value == null ? null : trimBlanks(value, false));
        if (text.codePointCount(0, text.length()) > LineCodec.MAX_MESSAGE_CODE_POINTS) {
            throw new LineProtocolException(verb.word(), ErrorCode.PAYLOAD_TOO_LARGE,
                "message longer than " + LineCodec.MAX_MESSAGE_CODE_POINTS + " characters");
        }
        return printable(verb, "message", text, true);
    }

    static long id(Verb verb, String label, long value) {
        if (value <= 0) {
            throw LineProtocolException.badRequest(verb, label + " must be a positive integer");
        }
        return value;
    }

    static Long optionalId(Verb verb, String label, Long value) {
        return value == null ? null : id(verb, label, value);
    }

    static Integer limit(Verb verb, Integer value) {
        return value == null ? null : limit(verb, value.longValue());
    }

    /** A history page size from 1 to {@link LineCodec#MAX_HISTORY_LIMIT}. */
    static int limit(Verb verb, long value) {
        if (value < 1 || value > LineCodec.MAX_HISTORY_LIMIT) {
            throw LineProtocolException.badRequest(verb,
                "limit must be a whole number from 1 to " + LineCodec.MAX_HISTORY_LIMIT);
        }
        return (int) value;
    }

    /**
     * Reads a typed positive number. Only ASCII digits count ({@code +5}, {@code 5.0}, {@code ５} do
     * not); anything else, zero, or a value past {@code Long.MAX_VALUE} gives the same message as a
     * non-positive number, since the user's fix is the same.
     */
    static long parsePositive(Verb verb, String label, String raw) {
        if (raw.isEmpty() || raw.length() > MAX_LONG_DIGITS) {
            throw LineProtocolException.badRequest(verb, label + " must be a positive integer");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                throw LineProtocolException.badRequest(verb, label + " must be a positive integer");
            }
        }
        try {
            return id(verb, label, Long.parseLong(raw));
        } catch (NumberFormatException overflow) {
            throw LineProtocolException.badRequest(verb, label + " must be a positive integer");
        }
    }

    /** A file target: a project id or {@code @username} ({@link FileTarget}). */
    static FileTarget target(Verb verb, String raw) {
        try {
            return FileTarget.parse(raw);
        } catch (IllegalArgumentException e) {
            throw LineProtocolException.badRequest(verb, e.getMessage());
        }
    }

    static FileTarget target(Verb verb, FileTarget target) {
        if (target == null) {
            throw LineProtocolException.badRequest(verb, "target required: a project id or @username");
        }
        return target;
    }

    /** A SHA-256 written as 64 hexadecimal digits; returned in lower case. */
    static String sha256(Verb verb, String value) {
        String hex = present(verb, "sha256", value);
        boolean ok = hex.length() == 64 && hex.chars().allMatch(c -> c >= '0' && c <= '9'
            || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
        if (!ok) {
            throw LineProtocolException.badRequest(verb, "sha256 must be 64 hexadecimal digits");
        }
        return hex.toLowerCase(java.util.Locale.ROOT);
    }

    static long size(Verb verb, long value) {
        if (value < 0) {
            throw LineProtocolException.badRequest(verb, "size must be a whole number of bytes");
        }
        return value;
    }

    /** A typed size: ASCII digits, zero allowed. */
    static long parseSize(Verb verb, String raw) {
        if (raw.isEmpty() || raw.length() > MAX_LONG_DIGITS || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw LineProtocolException.badRequest(verb, "size must be a whole number of bytes");
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException overflow) {
            throw LineProtocolException.badRequest(verb, "size must be a whole number of bytes");
        }
    }

    /**
     * A file name as the sender has it. Not blank and one line, but otherwise kept as sent: the
     * server keeps it for display only, after removing control characters and path separators,
     * so a hostile name is cleaned there rather than refused here.
     */
    static String filename(Verb verb, String value) {
        String name = present(verb, "filename", value == null ? null : trimBlanks(value, true));
        if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            throw LineProtocolException.badRequest(verb, "filename must be on one line");
        }
        return name;
    }

    /** Space and tab: the only characters that separate arguments on a line. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    static String trimBlanks(String value, boolean atEnd) {
        int from = 0;
        int to = value.length();
        while (from < to && isBlank(value.charAt(from))) {
            from++;
        }
        while (atEnd && to > from && isBlank(value.charAt(to - 1))) {
            to--;
        }
        return value.substring(from, to);
    }

    private static String present(Verb verb, String label, String value) {
        if (value == null || value.isBlank()) {
            throw LineProtocolException.badRequest(verb, label + " required");
        }
        return value;
    }

    private static String printable(Verb verb, String label, String value) {
        return printable(verb, label, value, false);
    }

    // Control characters would break the line framing, the action log or a terminal; a lone
    // surrogate cannot be written as UTF-8. Tab is allowed: people paste it into messages. A message
    // may hold line breaks (the WebSocket form carries them; a line never contains one).
    private static String printable(Verb verb, String label, String value, boolean multiLine) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && !(multiLine && c == '\n') && Character.isISOControl(c)) {
                throw LineProtocolException.badRequest(verb, label + " must not contain control characters");
            }
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw LineProtocolException.badRequest(verb, label + " is not valid Unicode text");
            }
        }
        return value;
    }
}
