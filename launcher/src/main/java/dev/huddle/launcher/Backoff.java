package dev.huddle.launcher;

import java.time.Duration;

/**
 * How long to wait before restarting a service that died: 1 s, then doubling up to 30 s while it
 * keeps dying soon after starting; a service that had run for a minute starts again at 1 s.
 */
final class Backoff {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(30);
    /** Up this long, a service counts as having recovered: its next failure starts the back-off over. */
    static final Duration STABLE = Duration.ofMinutes(1);

    private Duration next = FIRST;

    /** The delay before the restart that follows a run of {@code uptime}. */
    Duration afterRun(Duration uptime) {
        if (uptime.compareTo(STABLE) >= 0) {
            next = FIRST;
        }
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(MAX) > 0 ? MAX : doubled;
        return delay;
    }
}
