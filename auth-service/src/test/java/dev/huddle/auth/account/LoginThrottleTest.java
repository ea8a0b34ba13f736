package dev.huddle.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.server.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final String ADDRESS = "203.0.113.7";

    private final MutableClock clock = MutableClock.atFixedInstant();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void attemptsAreAllowedUntilTheFifthFailure() {
        for (int i = 0; i < 4; i++) {
            throttle.tryAttempt("alice", ADDRESS);
            assertThat(throttle.retryAfter("alice", ADDRESS)).isEmpty();
        }
        throttle.tryAttempt("alice", ADDRESS);

        assertThat(throttle.retryAfter("alice", ADDRESS)).contains(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterCountsDownAndAttemptsAreAllowedOnceTheBackOffExpires() {
        failTimes(5, "alice", ADDRESS);

        clock.advance(Duration.ofSeconds(12));
        assertThat(throttle.retryAfter("alice", ADDRESS)).contains(Duration.ofSeconds(18));
        clock.advance(Duration.ofSeconds(18));
        assertThat(throttle.retryAfter("alice", ADDRESS)).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheBackOffUpToTheCap() {
        failTimes(5, "alice", ADDRESS);
        Duration expected = Duration.ofSeconds(30);
        for (int i = 0; i < 8; i++) {
            assertThat(throttle.retryAfter("alice", ADDRESS)).contains(expected);
            clock.advance(expected);
            throttle.tryAttempt("alice", ADDRESS);
            expected = min(expected.multipliedBy(2), Duration.ofMinutes(15));
        }
        assertThat(throttle.retryAfter("alice", ADDRESS)).contains(Duration.ofMinutes(15));
    }

    @Test
    void successClearsTheAccountAndRefundsOnlyItsOwnAttemptOnTheAddress() {
        failTimes(5, "alice", ADDRESS);
        clock.advance(Duration.ofSeconds(30));
        throttle.recordSuccess("alice", ADDRESS);

        failTimes(4, "alice", ADDRESS);
        assertThat(throttle.retryAfter("alice", ADDRESS)).isEmpty();
    }

    @Test
    void accountKeyIgnoresUsernameCase() {
        failTimes(5, "Alice", "198.51.100.1");

        assertThat(throttle.retryAfter("ALICE", "198.51.100.2")).contains(Duration.ofSeconds(30));
    }

    @Test
    void accountLimitAppliesFromEveryAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.tryAttempt("alice", "198.51.100." + i);
        }

        assertThat(throttle.retryAfter("alice", "192.0.2.99")).contains(Duration.ofSeconds(30));
        assertThat(throttle.retryAfter("bob", "192.0.2.99")).isEmpty();
    }

    @Test
    void addressLimitAppliesAcrossDifferentUsernames() {
        for (int i = 0; i < 5 * LoginThrottle.ADDRESS_FACTOR - 1; i++) {
            throttle.tryAttempt("user" + i, ADDRESS);
        }
        assertThat(throttle.retryAfter("mallory", ADDRESS)).as("an address allows more failures than an account")
            .isEmpty();
        throttle.tryAttempt("one-more", ADDRESS);

        assertThat(throttle.retryAfter("mallory", ADDRESS)).contains(Duration.ofSeconds(30));
        assertThat(throttle.retryAfter("mallory", "192.0.2.1")).isEmpty();
    }

    @Test
    void failuresSpreadOverMoreThanTheCapDoNotAccumulate() {
        failTimes(4, "alice", ADDRESS);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        throttle.tryAttempt("alice", ADDRESS);

        assertThat(throttle.retryAfter("alice", ADDRESS)).isEmpty();
    }

    @Test
    void idleKeysAreForgotten() {
        failTimes(5, "alice", ADDRESS);
        assertThat(throttle.trackedKeys()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(16));
        throttle.tryAttempt("bob", "192.0.2.1");

        assertThat(throttle.trackedKeys()).isEqualTo(2);
        assertThat(throttle.retryAfter("alice", ADDRESS)).isEmpty();
    }

    @Test
    void unknownAccountOrAddressIsThrottledByTheOtherKeyAlone() {
        failTimes(5 * LoginThrottle.ADDRESS_FACTOR, null, ADDRESS);
        failTimes(5, "bob", null);

        assertThat(throttle.retryAfter("carol", ADDRESS)).isPresent();
        assertThat(throttle.retryAfter("bob", null)).isPresent();
        assertThat(throttle.retryAfter(null, null)).isEmpty();
    }

    @Test
    void customPolicyIsHonoured() {
        LoginThrottle strict = new LoginThrottle(clock,
                new LoginThrottle.Policy(2, Duration.ofSeconds(10), Duration.ofSeconds(15)));
        strict.tryAttempt("alice", ADDRESS);
        strict.tryAttempt("alice", ADDRESS);
        assertThat(strict.retryAfter("alice", ADDRESS)).contains(Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(10));
        strict.tryAttempt("alice", ADDRESS);
        assertThat(strict.retryAfter("alice", ADDRESS)).contains(Duration.ofSeconds(15));
    }

    private void failTimes(int times, String account, String address) {
        for (int i = 0; i < times; i++) {
            throttle.tryAttempt(account, address);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    @Test
    void loggingInToOnesOwnAccountDoesNotWipeTheAddressCount() {
        for (int i = 0; i < 19; i++) {
            throttle.tryAttempt("victim" + i, ADDRESS);
        }
        assertThat(throttle.tryAttempt("mallory", ADDRESS)).as("the 20th attempt from the address").isEmpty();
        throttle.recordSuccess("mallory", ADDRESS);
        assertThat(throttle.tryAttempt("victim99", ADDRESS)).as("attempt 20 again, the success refunded").isEmpty();
        assertThat(throttle.retryAfter("anyone", ADDRESS)).isPresent();
    }

    @Test
    void parallelAttemptsOnOneAccountAreCountedBeforeAnyIsChecked() throws Exception {
        int threads = 32;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger allowed = new java.util.concurrent.atomic.AtomicInteger();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                String address = "198.51.100." + i;
                pool.submit(() -> {
                    start.await();
                    if (throttle.tryAttempt("alice", address).isEmpty()) {
                        allowed.incrementAndGet();
                    }
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(allowed).hasValue(5);
    }
}
