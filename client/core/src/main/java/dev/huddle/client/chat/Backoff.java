package dev.huddle.client.chat;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next reconnect attempt: doubling from {@code first} up to {@code max},
 * each delay spread by ±20% so that many clients dropped by one server restart do not all come back
 * in the same instant. {@link #reset()} after a success.
 */
public final class Backoff {

    private final long firstMillis;
    private final long maxMillis;
    private final DoubleSupplier random;
    private int failures;

    /** @param random values in [0, 1): {@code Math::random} in production, fixed in tests */
    public Backoff(Duration first, Duration max, DoubleSupplier random) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= max");
        }
        this.firstMillis = first.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** 0.5 s, 1 s, 2 s, ... up to 15 s. */
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15), Math::random);
    }

    /** The delay before the next attempt; each call counts one more failure. */
    public Duration next() {
        long base = failures >= 30 ? maxMillis : Math.min(maxMillis, firstMillis << failures);
        failures++;
        double spread = 0.8 + 0.4 * random.getAsDouble();
        return Duration.ofMillis(Math.max(1, Math.round(base * spread)));
    }

    /** Failures since the last success. */
    public int failures() {
        return failures;
    }

    public void reset() {
        failures = 0;
    }
}
