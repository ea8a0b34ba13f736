package dev.huddle.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesWhileTheServiceKeepsDyingSoonAfterStartingUpToThirtySeconds() {
        Backoff backoff = new Backoff();
        Duration shortRun = Duration.ofSeconds(5);
        assertThat(backoff.afterRun(shortRun)).hasSeconds(1);
        assertThat(backoff.afterRun(shortRun)).hasSeconds(2);
        assertThat(backoff.afterRun(shortRun)).hasSeconds(4);
        assertThat(backoff.afterRun(shortRun)).hasSeconds(8);
        assertThat(backoff.afterRun(shortRun)).hasSeconds(16);
        assertThat(backoff.afterRun(shortRun)).hasSeconds(30);
        assertThat(backoff.afterRun(shortRun)).hasSeconds(30);
    }

    @Test
    void aServiceThatRanForAMinuteStartsOverAtOneSecond() {
        Backoff backoff = new Backoff();
        backoff.afterRun(Duration.ofSeconds(3));
        backoff.afterRun(Duration.ofSeconds(3));
        assertThat(backoff.afterRun(Duration.ofMinutes(5))).hasSeconds(1);
        assertThat(backoff.afterRun(Duration.ofSeconds(3))).hasSeconds(2);
    }
}
