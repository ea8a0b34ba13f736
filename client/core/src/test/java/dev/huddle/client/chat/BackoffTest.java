package dev.huddle.client.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysDoubleUpToTheCapAndStartOverAfterASuccess() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(4), () -> 0.5);

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.failures()).isEqualTo(5);
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void jitterSpreadsEachDelayByAFifthEitherWay() {
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), () -> 0.0).next())
            .isEqualTo(Duration.ofMillis(800));
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), () -> 0.999_999).next())
            .isEqualTo(Duration.ofMillis(1200));
    }

    @Test
    void manyFailuresNeverOverflowPastTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15), () -> 0.5);
        Duration last = Duration.ZERO;
        for (int i = 0; i < 100; i++) {
            last = backoff.next();
        }
        assertThat(last).isEqualTo(Duration.ofSeconds(15));
    }
}
