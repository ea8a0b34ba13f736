package dev.huddle.chat.session;

import java.time.Clock;

/**
 * A token bucket per connection: {@code burst} commands at once, refilled at {@code perSecond}.
 * Not thread-safe: a connection's commands arrive on its own event loop.
 */
public final class RateLimiter {

    private final Clock clock;
    private final double perNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    public RateLimiter(Clock clock, int perSecond, int burst) {
        this.clock = clock;
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nanos();
    }

    /** Takes one token; false when the connection is over its rate. */
    public boolean tryAcquire() {
        long now = nanos();
        tokens = Math.min(burst, tokens + (now - lastNanos) * perNano);
        lastNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
