package dev.huddle.chat.message;

/**
 * Which page of history to read: the newest {@code limit} messages whose id is below
 * {@code beforeId}. Built by {@link MessageRules#page}, which checks what clients send.
 *
 * @param limit    how many messages at most, 1 to {@value MessageRules#MAX_LIMIT}
 * @param beforeId only ids below this one; {@link Long#MAX_VALUE} for the newest page
 */
public record PageRequest(int limit, long beforeId) {

    public PageRequest {
        if (limit < 1 || limit > MessageRules.MAX_LIMIT || beforeId < 1) {
            throw new IllegalArgumentException("limit " + limit + ", beforeId " + beforeId);
        }
    }

    /** The newest {@code limit} messages. */
    public static PageRequest newest(int limit) {
        return new PageRequest(limit, Long.MAX_VALUE);
    }
}
