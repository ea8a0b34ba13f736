package dev.huddle.auth.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slows down password guessing by counting failed logins per account (normalised username) and
 * per client address. Thread-safe; time comes from the injected clock.
 *
 * <p>After {@link Policy#maxFailures} consecutive failures for a key, attempts for that key are
 * refused for {@link Policy#baseBackoff}; each further failure doubles the wait, up to
 * {@link Policy#maxBackoff}. So a guesser gets one try per ever longer window, while the owner
 * who mistyped waits half a minute. The account key stops a guesser hopping addresses; the
 * address key stops one address spraying many accounts.
 *
 * <p>An attempt is counted before its password is checked ({@link #tryAttempt}, one atomic step
 * per key), so parallel guesses get no more tries than sequential ones. A success clears the
 * account and refunds its own attempt on the address, nothing more: logging in to an account
 * one owns does not reset the count of the guesses made from the same address.
 *
 * <p>A key idle for longer than {@code maxBackoff} is forgotten (its failures no longer count),
 * and such keys are purged now and then while failures are recorded, so memory follows recent
 * activity only.
 */
public final class LoginThrottle {

    /**
     * @param maxFailures consecutive failures allowed before a key is refused, at least 1
     * @param baseBackoff first refusal period, positive
     * @param maxBackoff  longest refusal period, at least {@code baseBackoff}; also the idle time
     *                    after which a key is forgotten
     */
    public record Policy(int maxFailures, Duration baseBackoff, Duration maxBackoff) {

        /** 5 failures, then 30 s doubling up to 15 min. */
        public static final Policy DEFAULT = new Policy(5, Duration.ofSeconds(30), Duration.ofMinutes(15));

        public Policy {
            Objects.requireNonNull(baseBackoff, "baseBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            if (maxFailures < 1) {
                throw new IllegalArgumentException("maxFailures must be at least 1");
            }
            if (baseBackoff.isNegative() || baseBackoff.isZero() || maxBackoff.compareTo(baseBackoff) < 0) {
                throw new IllegalArgumentException("need 0 < baseBackoff <= maxBackoff");
            }
        }
    }

    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);
    // 2^20 × any sane base is far beyond any sane cap; the bound only keeps the shift from overflowing
    private static final int MAX_DOUBLINGS = 20;

    private record Entry(int failures, Instant lastFailure, Instant blockedUntil) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    static final int ADDRESS_FACTOR = 4;
    private static final String ADDRESS_PREFIX = "address:";

    private final Policy policy;
    private final AtomicLong nextPurgeMillis;

    /** A throttle with the {@linkplain Policy#DEFAULT default policy}. */
    public LoginThrottle(Clock clock) {
        this(clock, Policy.DEFAULT);
    }

    public LoginThrottle(Clock clock, Policy policy) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.nextPurgeMillis = new AtomicLong(clock.millis() + PURGE_INTERVAL.toMillis());
    }

    /**
     * How long until a login for {@code account} from {@code address} may be attempted.
     *
     * @param account the username as typed (normalised here); null if unknown
     * @param address the client's address; null if unknown
     * @return empty if the attempt is allowed, else the longer of the two keys' remaining waits
     */
    public Optional<Duration> retryAfter(String account, String address) {
        Instant now = clock.instant();
        Instant until = later(blockedUntil(accountKey(account), now), blockedUntil(addressKey(address), now));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /**
     * Atomically checks and counts one login attempt, before its password is hashed: refused while
     * either key is backing off, else counted as a failure on both keys at once, so parallel
     * guesses cannot all pass the check before any of them is recorded. A success later refunds it
     * ({@link #recordSuccess}).
     *
     * @return empty if the attempt may go ahead (and is now counted), else the wait
     */
    public Optional<Duration> tryAttempt(String account, String address) {
        Instant now = clock.instant();
        Instant until = later(attempt(accountKey(account), now), attempt(addressKey(address), now));
        purgeIfDue(now);
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /**
     * After a successful login: the account's failures are cleared, and the address gets back only
     * the one attempt this login counted, so a guesser who owns an account cannot wipe the
     * address's count by logging in between guesses.
     */
    public void recordSuccess(String account, String address) {
        String accountKey = accountKey(account);
        String addressKey = addressKey(address);
        if (accountKey != null) {
            entries.remove(accountKey);
        }
        if (addressKey != null) {
            entries.computeIfPresent(addressKey, (key, entry) -> {
                int failures = entry.failures() - 1;
                if (failures <= 0) {
                    return null;
                }
                Instant blockedUntil = failures >= limitFor(key) ? entry.blockedUntil() : entry.lastFailure();
                return new Entry(failures, entry.lastFailure(), blockedUntil);
            });
        }
    }

    /** Counts an attempt on {@code key} unless it is backing off; returns until when it is blocked. */
    private Instant attempt(String key, Instant now) {
        if (key == null) {
            return now;
        }
        Instant[] refusedUntil = {now};
        entries.compute(key, (k, previous) -> {
            if (previous != null && previous.blockedUntil().isAfter(now)) {
                refusedUntil[0] = previous.blockedUntil();
                return previous;
            }
            return failed(k, previous, now);
        });
        return refusedUntil[0];
    }

    /** Number of keys currently remembered; for tests. */
    int trackedKeys() {
        return entries.size();
    }

    private Entry failed(String key, Entry previous, Instant now) {
        int failures = previous == null || isIdle(previous, now) ? 1 : previous.failures() + 1;
        int limit = limitFor(key);
        Instant blockedUntil = failures >= limit ? now.plus(backoff(failures, limit)) : now;
        return new Entry(failures, now, blockedUntil);
    }

    /**
     * An address stands for everyone behind it (an office, a campus NAT), so it tolerates
     * {@value #ADDRESS_FACTOR} times the failures of one account before backing off.
     */
    private int limitFor(String key) {
        return key.startsWith(ADDRESS_PREFIX) ? policy.maxFailures() * ADDRESS_FACTOR : policy.maxFailures();
    }

    private Duration backoff(int failures, int limit) {
        int doublings = Math.min(failures - limit, MAX_DOUBLINGS);
        Duration wait = policy.baseBackoff().multipliedBy(1L << doublings);
        return wait.compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff() : wait;
    }

    private Instant blockedUntil(String key, Instant now) {
        Entry entry = key == null ? null : entries.get(key);
        return entry == null ? now : entry.blockedUntil();
    }

    private boolean isIdle(Entry entry, Instant now) {
        return Duration.between(entry.lastFailure(), now).compareTo(policy.maxBackoff()) > 0;
    }

    private void purgeIfDue(Instant now) {
        long nowMillis = now.toEpochMilli();
        long due = nextPurgeMillis.get();
        // the CAS lets exactly one of several concurrent callers do the sweep
        if (nowMillis >= due && nextPurgeMillis.compareAndSet(due, nowMillis + PURGE_INTERVAL.toMillis())) {
            entries.values().removeIf(entry -> isIdle(entry, now));
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String accountKey(String account) {
        return account == null || account.isBlank() ? null : "account:" + AccountRules.normalizeUsername(account);
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : ADDRESS_PREFIX + address;
    }
}
