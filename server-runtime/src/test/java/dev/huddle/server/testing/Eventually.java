package dev.huddle.server.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Retries an assertion until it holds, for effects that arrive asynchronously (a published event,
 * a pushed line). The limit is generous: it bounds a failing test, it is not a timing assertion.
 */
public final class Eventually {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private Eventually() {
    }

    public static void assertThat(Runnable assertion) {
        assertThat(LIMIT, assertion);
    }

    /** With a limit of its own, for effects that take long to come (a process restarting). */
    public static void assertThat(Duration limit, Runnable assertion) {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
    }
}
