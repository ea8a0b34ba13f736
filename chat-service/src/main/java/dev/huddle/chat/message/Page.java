package dev.huddle.chat.message;

import java.util.List;

/**
 * One page of history, oldest → newest. The next (older) page is the one before the id of the
 * first item.
 *
 * @param items   at most the requested number of messages, oldest first
 * @param hasMore true if older messages exist before the first item
 * @param <T>     the message type
 */
public record Page<T>(List<T> items, boolean hasMore) {

    public Page {
        items = List.copyOf(items);
    }

    /** No messages and nothing older. */
    public static <T> Page<T> empty() {
        return new Page<>(List.of(), false);
    }
}
