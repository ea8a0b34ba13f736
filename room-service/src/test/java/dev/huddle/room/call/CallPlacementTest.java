package dev.huddle.room.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.server.bus.media.RelayAnnouncement;
import dev.huddle.server.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallPlacementTest {

    private final MutableClock clock = MutableClock.atFixedInstant();
    private final RelayRegistry registry = new RelayRegistry(clock, Duration.ofSeconds(3));
    private final CallPlacement placement = new CallPlacement(registry, clock, Duration.ofSeconds(30));

    private void announce(String id, int sessions, List<Long> rooms, boolean leaving) {
        registry.apply(new RelayAnnouncement(id, "127.0.0.1", 10_000, sessions, rooms, 0, leaving, clock.instant()));
    }

    @Test
    void noRelayNoPlacement() {
        assertThat(placement.relayFor(1, 1)).isEmpty();
    }

    @Test
    void newCallsGoToTheLeastLoadedRelayAndSpreadInABurst() {
        announce("a", 5, List.of(), false);
        announce("b", 0, List.of(), false);
        assertThat(placement.relayFor(1, 1).orElseThrow().relayId()).isEqualTo("b");
        announce("a", 0, List.of(), false);
        assertThat(placement.relayFor(2, 1).orElseThrow().relayId()).as("b already got room 1").isEqualTo("a");
    }

    @Test
    void aRoomStaysOnTheRelayHostingIt() {
        announce("a", 9, List.of(7L), false);
        announce("b", 0, List.of(), false);
        assertThat(placement.relayFor(7, 2).orElseThrow().relayId()).isEqualTo("a");
    }

    @Test
    void aRoomJustPlacedStaysThereUntilItsTicketsExpire() {
        announce("a", 0, List.of(), false);
        announce("b", 1, List.of(), false);
        assertThat(placement.relayFor(7, 1).orElseThrow().relayId()).isEqualTo("a");
        announce("a", 3, List.of(), false);
        assertThat(placement.relayFor(7, 2).orElseThrow().relayId()).isEqualTo("a");
        clock.advance(Duration.ofSeconds(31));
        announce("a", 3, List.of(), false);
        announce("b", 1, List.of(), false);
        assertThat(placement.relayFor(7, 3).orElseThrow().relayId()).isEqualTo("b");
    }

    @Test
    void aSilentRelayDropsOutAfterTheTimeoutAndALeavingOneAtOnce() {
        announce("a", 0, List.of(7L), false);
        announce("b", 5, List.of(), false);
        clock.advance(Duration.ofSeconds(2));
        announce("b", 5, List.of(), false);
        clock.advance(Duration.ofSeconds(2));
        assertThat(registry.live()).extracting(RelayAnnouncement::relayId).containsExactly("b");
        assertThat(placement.relayFor(7, 1).orElseThrow().relayId()).isEqualTo("b");
        announce("b", 5, List.of(), true);
        assertThat(registry.live()).isEmpty();
    }
}
