package dev.huddle.chat.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open connections per client address, across the line protocol and WebSocket and every event
 * loop: one address cannot hold more than its share of sockets. Thread-safe.
 */
public final class AddressCaps {

    private final int maxPerAddress;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    public AddressCaps(int maxPerAddress) {
        this.maxPerAddress = maxPerAddress;
    }

    /** Counts a new connection from {@code address}; false (and not counted) when the address is at its cap. */
    public boolean tryOpen(String address) {
        boolean[] admitted = {false};
        open.compute(key(address), (k, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxPerAddress) {
                return count;
            }
            admitted[0] = true;
            return current + 1;
        });
        return admitted[0];
    }

    /** A connection counted by {@link #tryOpen} closed. */
    public void closed(String address) {
        open.computeIfPresent(key(address), (k, count) -> count <= 1 ? null : count - 1);
    }

    private static String key(String address) {
        return address == null ? "unknown" : address;
    }
}
