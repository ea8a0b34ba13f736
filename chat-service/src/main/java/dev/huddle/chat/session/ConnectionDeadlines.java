package dev.huddle.chat.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The three clocks that keep a connection from holding server resources for free: nothing received
 * for the idle timeout, a line started but not finished within the line timeout (a slowloris
 * sending a byte every few seconds), or nobody logged in by the login deadline. Not thread-safe:
 * a connection's bytes and checks arrive on its own event loop.
 */
public final class ConnectionDeadlines {

    private final Clock clock;
    private final SessionLimits limits;
    private final Instant opened;
    private Instant lastReceived;
    private Instant lineStarted;

    public ConnectionDeadlines(Clock clock, SessionLimits limits) {
        this.clock = clock;
        this.limits = limits;
        this.opened = clock.instant();
        this.lastReceived = opened;
    }

    /** Bytes arrived; {@code partialLine} says whether an unfinished line is left waiting for more. */
    public void received(boolean partialLine) {
        lastReceived = clock.instant();
        if (!partialLine) {
            lineStarted = null;
        } else if (lineStarted == null) {
            lineStarted = lastReceived;
        }
    }

    /** A whole line arrived: the unfinished line that may follow starts its own clock. */
    public void lineCompleted() {
        lineStarted = null;
    }

    /**
     * Why the connection should be closed now, or null while every deadline holds.
     *
     * @param loggedIn whether a user is logged in on the connection
     */
    public String expired(boolean loggedIn) {
        Instant now = clock.instant();
        if (!loggedIn && passed(opened, limits.loginDeadline(), now)) {
            return "no login within " + limits.loginDeadline().toSeconds() + " s";
        }
        if (lineStarted != null && passed(lineStarted, limits.lineTimeout(), now)) {
            return "line not finished within " + limits.lineTimeout().toSeconds() + " s";
        }
        if (passed(lastReceived, limits.idleTimeout(), now)) {
            return "nothing received for " + limits.idleTimeout().toSeconds() + " s";
        }
        return null;
    }

    /** How often a connection's deadlines are worth checking: a quarter of the shortest, 100 ms to 1 s. */
    public static long checkEveryMillis(SessionLimits limits) {
        Duration shortest = limits.lineTimeout();
        for (Duration d : new Duration[] {limits.loginDeadline(), limits.idleTimeout()}) {
            if (d.compareTo(shortest) < 0) {
                shortest = d;
            }
        }
        return Math.clamp(shortest.toMillis() / 4, 100L, 1_000L);
    }

    private static boolean passed(Instant since, Duration limit, Instant now) {
        return Duration.between(since, now).compareTo(limit) >= 0;
    }
}
