package dev.huddle.room.call;

import dev.huddle.server.bus.media.RelayAnnouncement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which relay hosts each room's call. A room's call stays on one relay: the relay a live relay
 * reports hosting it, else the one this room was recently sent to (its first member may not have
 * arrived yet), else the least-loaded live relay, counting the calls just placed on each so a burst
 * of new calls spreads out. Thread-safe.
 *
 * <p>The seam for a room spanning relays: {@link #relayFor} answers per (room, user); it could hand
 * different members of one room different relays (the nearest, or one with room to spare), with the
 * relays of one room cascading packets to each other (see {@code CallRoom} in media-relay).
 */
public final class CallPlacement {

    private record Placed(String relayId, Instant at) {
    }

    private final RelayRegistry registry;
    private final Clock clock;
    private final Duration pending;
    private final Map<Long, Placed> placed = new ConcurrentHashMap<>();

    /** @param pending how long a placement holds without its relay reporting the room (the ticket lifetime) */
    public CallPlacement(RelayRegistry registry, Clock clock, Duration pending) {
        this.registry = registry;
        this.clock = clock;
        this.pending = pending;
    }

    /** The relay for {@code userId} joining {@code projectId}'s call, or empty when no relay is alive. */
    public synchronized Optional<RelayAnnouncement> relayFor(long projectId, long userId) {
        List<RelayAnnouncement> live = registry.live();
        Optional<RelayAnnouncement> current = current(projectId, live);
        if (current.isPresent()) {
            placed.put(projectId, new Placed(current.get().relayId(), clock.instant()));
            return current;
        }
        Instant recent = clock.instant().minus(pending);
        placed.values().removeIf(p -> p.at().isBefore(recent));
        Optional<RelayAnnouncement> chosen = live.stream()
            .min((a, b) -> Integer.compare(load(a), load(b)));
        chosen.ifPresent(relay -> placed.put(projectId, new Placed(relay.relayId(), clock.instant())));
        return chosen;
    }

    /** The relay hosting (or about to host) {@code projectId}'s call, if any. */
    public Optional<RelayAnnouncement> current(long projectId) {
        return current(projectId, registry.live());
    }

    private Optional<RelayAnnouncement> current(long projectId, List<RelayAnnouncement> live) {
        Optional<RelayAnnouncement> hosting = live.stream().filter(r -> r.rooms().contains(projectId)).findFirst();
        if (hosting.isPresent()) {
            return hosting;
        }
        Placed recent = placed.get(projectId);
        if (recent == null || recent.at().isBefore(clock.instant().minus(pending))) {
            return Optional.empty();
        }
        return live.stream().filter(r -> r.relayId().equals(recent.relayId())).findFirst();
    }

    /** Sessions a relay reported plus calls placed on it since that it may not have reported yet. */
    private int load(RelayAnnouncement relay) {
        long fresh = placed.entrySet().stream()
            .filter(e -> e.getValue().relayId().equals(relay.relayId()) && !relay.rooms().contains(e.getKey()))
            .count();
        return relay.sessions() + (int) fresh;
    }
}
