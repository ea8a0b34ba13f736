package dev.huddle.chat.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.server.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void burstIsAllowedThenTheSustainedRateApplies() {
        MutableClock clock = MutableClock.atFixedInstant();
        RateLimiter limiter = new RateLimiter(clock, 20, 40);
        for (int i = 0; i < 40; i++) {
            assertThat(limiter.tryAcquire()).isTrue();
        }
        assertThat(limiter.tryAcquire()).isFalse();
        clock.advance(Duration.ofMillis(50));
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(10));
        int allowed = 0;
        while (limiter.tryAcquire()) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(40);
    }
}
