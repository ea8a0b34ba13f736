package dev.huddle.client.state;

import dev.huddle.contracts.chat.MessagePage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The messages of one conversation (a room or a direct-message thread) as far as they are loaded:
 * ordered by id (the server's commit order, so oldest → newest), each once however often it arrives
 * (its own echo, a history page overlapping a live event, the fetch after a reconnect). Not
 * thread-safe: one owner thread (the UI's) uses it.
 *
 * @param <T> {@code RoomMessage} or {@code DirectMessage}
 */
public final class MessageLog<T> {

    private final ToLongFunction<T> id;
    private final TreeMap<Long, T> messages = new TreeMap<>();
    private boolean olderExist = true;
    private boolean loaded;

    public MessageLog(ToLongFunction<T> id) {
        this.id = id;
    }

    /** Adds one message; false when it was already here. */
    public boolean add(T message) {
        return messages.putIfAbsent(id.applyAsLong(message), message) == null;
    }

    /**
     * Adds a history page and remembers whether older pages exist (only for the oldest page seen:
     * a newer page's flag says nothing about what lies before messages already loaded).
     *
     * @return the messages that were new, oldest first
     */
    public List<T> addPage(MessagePage<T> page) {
        boolean oldest = page.messages().isEmpty() || messages.isEmpty()
            || id.applyAsLong(page.messages().getFirst()) <= messages.firstKey();
        List<T> added = new ArrayList<>();
        for (T message : page.messages()) {
            if (add(message)) {
                added.add(message);
            }
        }
        if (oldest) {
            olderExist = page.hasMore();
        }
        loaded = true;
        return added;
    }

    /** Oldest first. */
    public List<T> messages() {
        return List.copyOf(messages.values());
    }

    public int size() {
        return messages.size();
    }

    /** The id to page back from ({@code before_id}), or null when nothing is loaded. */
    public Long oldestId() {
        return messages.isEmpty() ? null : messages.firstKey();
    }

    /** The newest id loaded, or 0: what a reconnect fetches after. */
    public long newestId() {
        return messages.isEmpty() ? 0 : messages.lastKey();
    }

    /** Whether the server has older messages than the oldest loaded. */
    public boolean olderExist() {
        return olderExist;
    }

    /** Whether a first page has been loaded. */
    public boolean loaded() {
        return loaded;
    }

    /** The messages newer than {@code afterId}, oldest first. */
    public List<T> after(long afterId) {
        Map<Long, T> tail = messages.tailMap(afterId, false);
        return List.copyOf(tail.values());
    }
}
