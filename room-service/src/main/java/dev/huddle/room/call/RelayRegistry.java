package dev.huddle.room.call;

import dev.huddle.server.bus.media.RelayAnnouncement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The media relays alive now, from the announcements each sends every heartbeat
 * ({@code huddle.media.relays}). A relay that says it is leaving is gone at once; one that stops
 * announcing (killed, cut off) is gone once {@code timeout} has passed since its last announcement.
 * Thread-safe.
 *
 * <p>Trust: announcements arrive over the event bus, so only a cluster member can make one. Anyone
 * who can join the cluster could announce a relay of their own and have calls placed on it; that is
 * why the bus must only admit authenticated nodes (mutual TLS on the event bus), and why clients
 * should treat the relay address as part of the signed answer they got over TLS from room-service.
 */
public final class RelayRegistry {

    private record Entry(RelayAnnouncement announcement, Instant seen) {
    }

    private final Map<String, Entry> relays = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration timeout;

    public RelayRegistry(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
    }

    public void apply(RelayAnnouncement announcement) {
        if (announcement.leaving()) {
            relays.remove(announcement.relayId());
        } else {
            relays.put(announcement.relayId(), new Entry(announcement, clock.instant()));
        }
    }

    /** The live relays, least loaded first (sessions, then packets per second, then id). */
    public List<RelayAnnouncement> live() {
        Instant oldest = clock.instant().minus(timeout);
        relays.values().removeIf(entry -> entry.seen().isBefore(oldest));
        return relays.values().stream().map(Entry::announcement)
            .sorted(Comparator.comparingInt(RelayAnnouncement::sessions)
                .thenComparingLong(RelayAnnouncement::packetsPerSecond)
                .thenComparing(RelayAnnouncement::relayId))
            .toList();
    }

    public Optional<RelayAnnouncement> find(String relayId) {
        return live().stream().filter(r -> r.relayId().equals(relayId)).findFirst();
    }
}
