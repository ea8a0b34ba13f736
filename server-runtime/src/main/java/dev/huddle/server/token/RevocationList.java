package dev.huddle.server.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token ids ({@code jti}) revoked before their expiry, e.g. by logout. Thread-safe.
 *
 * <p>An entry only has to outlive its token: once the token has expired it is refused anyway.
 * Entries are therefore kept until {@code expiresAt + retainAfterExpiry} and then forgotten, so
 * the list stays as small as the number of live revoked tokens. The retention must cover the
 * verifier's allowed clock skew, which keeps a token acceptable a little past its {@code exp};
 * {@link TokenVerifier} checks that. Purging runs inside {@link #revoke} at most once per
 * {@link #PURGE_INTERVAL}, so there is no background thread to manage.
 */
public final class RevocationList {

    /** Default time an entry is kept past its token's expiry: well above any sane clock skew. */
    public static final Duration DEFAULT_RETAIN_AFTER_EXPIRY = Duration.ofMinutes(5);
    /** Minimum time between two purges. */
    static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private final Map<String, Instant> forgetAt = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration retainAfterExpiry;
    private final AtomicLong nextPurgeMillis;

    /** A list that keeps entries {@link #DEFAULT_RETAIN_AFTER_EXPIRY} past their token's expiry. */
    public RevocationList(Clock clock) {
        this(clock, DEFAULT_RETAIN_AFTER_EXPIRY);
    }

    /** A list that keeps entries {@code retainAfterExpiry} past their token's expiry. */
    public RevocationList(Clock clock, Duration retainAfterExpiry) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retainAfterExpiry = Objects.requireNonNull(retainAfterExpiry, "retainAfterExpiry");
        if (retainAfterExpiry.isNegative()) {
            throw new IllegalArgumentException("retainAfterExpiry must not be negative");
        }
        this.nextPurgeMillis = new AtomicLong(clock.millis() + PURGE_INTERVAL.toMillis());
    }

    /**
     * Revokes the token {@code jti}, which expires at {@code expiresAt}. Idempotent; revoking a
     * token that has already expired is harmless.
     */
    public void revoke(String jti, Instant expiresAt) {
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(expiresAt, "expiresAt");
        forgetAt.merge(jti, expiresAt.plus(retainAfterExpiry), (a, b) -> a.isAfter(b) ? a : b);
        purgeIfDue();
    }

    /** Whether {@code jti} has been revoked (and its token may still be within its validity). */
    public boolean isRevoked(String jti) {
        // no expiry check here: an entry past expiry is only ever consulted for a token that is refused anyway
        return jti != null && forgetAt.containsKey(jti);
    }

    /** How long entries are kept past their token's expiry. */
    public Duration retainAfterExpiry() {
        return retainAfterExpiry;
    }

    /** Number of entries currently held (including some that are due to be purged). */
    public int size() {
        return forgetAt.size();
    }

    private void purgeIfDue() {
        long now = clock.millis();
        long due = nextPurgeMillis.get();
        // the CAS lets exactly one of several concurrent revokers do the sweep
        if (now >= due && nextPurgeMillis.compareAndSet(due, now + PURGE_INTERVAL.toMillis())) {
            Instant instant = Instant.ofEpochMilli(now);
            forgetAt.values().removeIf(instant::isAfter);
        }
    }
}
