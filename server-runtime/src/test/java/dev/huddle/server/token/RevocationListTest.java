package dev.huddle.server.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.server.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RevocationListTest {

    private final MutableClock clock = MutableClock.atFixedInstant();
    private final RevocationList list = new RevocationList(clock, Duration.ofMinutes(5));

    @Test
    void revokedIdIsReportedAndOthersAreNot() {
        list.revoke("a", clock.instant().plusSeconds(60));

        assertThat(list.isRevoked("a")).isTrue();
        assertThat(list.isRevoked("b")).isFalse();
        assertThat(list.isRevoked(null)).isFalse();
    }

    @Test
    void entryIsKeptThroughTheRetentionPastExpiryThenForgotten() {
        Instant expiry = clock.instant().plusSeconds(60);
        list.revoke("a", expiry);

        clock.set(expiry.plus(Duration.ofMinutes(5)));
        list.revoke("b", clock.instant().plusSeconds(600));
        assertThat(list.isRevoked("a")).isTrue();

        clock.advance(RevocationList.PURGE_INTERVAL);
        list.revoke("c", clock.instant().plusSeconds(600));
        assertThat(list.isRevoked("a")).isFalse();
        assertThat(list.isRevoked("b")).isTrue();
        assertThat(list.size()).isEqualTo(2);
    }

    @Test
    void purgeRunsAtMostOncePerInterval() {
        list.revoke("a", clock.instant());
        clock.advance(Duration.ofMinutes(6));
        list.revoke("b", clock.instant().plusSeconds(600)); // purges: a is gone
        list.revoke("c", clock.instant().minus(Duration.ofMinutes(10)));
        list.revoke("d", clock.instant().plusSeconds(600)); // within the interval: c stays for now

        assertThat(list.isRevoked("a")).isFalse();
        assertThat(list.isRevoked("c")).isTrue();
    }

    @Test
    void revokingTwiceKeepsTheLaterExpiry() {
        Instant later = clock.instant().plus(Duration.ofHours(1));
        list.revoke("a", later);
        list.revoke("a", clock.instant());

        clock.advance(Duration.ofMinutes(30));
        list.revoke("b", clock.instant().plusSeconds(60));
        assertThat(list.isRevoked("a")).isTrue();
    }
}
