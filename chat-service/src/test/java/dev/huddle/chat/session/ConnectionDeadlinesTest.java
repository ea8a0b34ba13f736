package dev.huddle.chat.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.server.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionDeadlinesTest {

    private final MutableClock clock = MutableClock.atFixedInstant();
    private final SessionLimits limits = new SessionLimits(2, Duration.ofMinutes(10), Duration.ofSeconds(5),
        Duration.ofMinutes(1), 8, 16);
    private final ConnectionDeadlines deadlines = new ConnectionDeadlines(clock, limits);

    @Test
    void aLineDrippedAByteAtATimeExpiresAtTheLineTimeoutAlthoughBytesKeepComing() {
        for (int i = 0; i < 2; i++) {
            deadlines.received(true);
            clock.advance(Duration.ofSeconds(2));
            assertThat(deadlines.expired(true)).isNull();
        }
        deadlines.received(true);
        clock.advance(Duration.ofSeconds(1));
        assertThat(deadlines.expired(true)).startsWith("line not finished");
    }

    @Test
    void aFinishedLineStopsTheLineClock() {
        deadlines.received(true);
        clock.advance(Duration.ofSeconds(4));
        deadlines.lineCompleted();
        deadlines.received(false);
        clock.advance(Duration.ofSeconds(30));
        assertThat(deadlines.expired(true)).isNull();
    }

    @Test
    void nobodyLoggedInByTheDeadlineExpiresEvenWhileTalking() {
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofSeconds(10));
            deadlines.received(false);
        }
        assertThat(deadlines.expired(false)).startsWith("no login");
        assertThat(deadlines.expired(true)).isNull();
    }

    @Test
    void silenceExpiresAtTheIdleTimeout() {
        clock.advance(Duration.ofMinutes(9));
        assertThat(deadlines.expired(true)).isNull();
        clock.advance(Duration.ofMinutes(1));
        assertThat(deadlines.expired(true)).startsWith("nothing received");
    }
}
