package dev.huddle.chat.message;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;

/**
 * What a message and a history request must look like, the same for every front door (line
 * protocol, WebSocket). Every refusal is a {@link HuddleException} with a message meant for people.
 */
public final class MessageRules {

    /** The most code points a message may have (an emoji counts as one). */
    public static final int TEXT_MAX = 4_000;
    /** The page size when the client names none. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest page a client may ask for. */
    public static final int MAX_LIMIT = 500;
    /** The longest username accepted (auth-service allows fewer; this only guards the store). */
    static final int USERNAME_MAX = 64;

    private MessageRules() {
    }

    /**
     * Checks a message and returns the form to store. Trailing white space is removed (a line-based
     * client's {@code \r}, stray spaces after the last word) and {@code \r\n} becomes {@code \n};
     * everything else is kept exactly as typed, leading spaces and inner blank lines included.
     *
     * <p>Newlines and tabs are allowed: WebSocket clients send multi-line messages, and every wire
     * form carries the text inside JSON, where they are escaped. Other control characters are
     * refused, as are unpaired surrogates, which cannot be stored as UTF-8 and would come back
     * different from what was acknowledged.
     *
     * @return the text to store and echo
     * @throws HuddleException BAD_REQUEST "message is empty" when nothing visible remains, or when a
     *                         forbidden character is present; PAYLOAD_TOO_LARGE past {@value #TEXT_MAX}
     *                         code points
     */
    public static String validateText(String text) {
        String normalized = text == null ? "" : text.replace("\r\n", "\n").stripTrailing();
        if (normalized.codePoints().allMatch(MessageRules::isBlank)) {
            throw HuddleException.badRequest("message is empty");
        }
        if (normalized.codePointCount(0, normalized.length()) > TEXT_MAX) {
            throw new HuddleException(ErrorCode.PAYLOAD_TOO_LARGE, "message longer than " + TEXT_MAX + " characters");
        }
        if (!normalized.codePoints().allMatch(MessageRules::isAllowed)) {
            throw HuddleException.badRequest("message must not contain control characters (tab and newline are fine)");
        }
        return normalized;
    }

    /**
     * Checks paging arguments as clients send them.
     *
     * @param limit    {@code null} for {@value #DEFAULT_LIMIT}, else 1 to {@value #MAX_LIMIT}
     * @param beforeId {@code null} for the newest page, else a positive message id
     * @throws HuddleException BAD_REQUEST when either is out of range
     */
    public static PageRequest page(Integer limit, Long beforeId) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw HuddleException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        if (beforeId == null) {
            return PageRequest.newest(size);
        }
        if (beforeId < 1) {
            throw HuddleException.badRequest("before id must be a positive message id");
        }
        return new PageRequest(size, beforeId);
    }

    /**
     * Checks a project or user id.
     *
     * @param what how the error names it, e.g. {@code "project id"}
     * @throws HuddleException BAD_REQUEST unless positive
     */
    public static long requireId(long id, String what) {
        if (id < 1) {
            throw HuddleException.badRequest(what + " must be a positive number");
        }
        return id;
    }

    /**
     * Checks a username resolved by the caller before it is stored beside a message.
     *
     * @return the username without surrounding white space
     * @throws HuddleException BAD_REQUEST if blank, too long or containing control characters
     */
    public static String requireUsername(String username) {
        String trimmed = username == null ? "" : username.strip();
        if (trimmed.isEmpty() || trimmed.length() > USERNAME_MAX || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw HuddleException.badRequest("a username is required");
        }
        return trimmed;
    }

    // A no-break space alone is no more a message than a space is.
    private static boolean isBlank(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static boolean isAllowed(int codePoint) {
        if (codePoint == '\n' || codePoint == '\t') {
            return true;
        }
        int type = Character.getType(codePoint);
        return type != Character.CONTROL && type != Character.SURROGATE;
    }
}
