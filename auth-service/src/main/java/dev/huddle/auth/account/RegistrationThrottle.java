package dev.huddle.auth.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perWindow} registrations per client address in each fixed window, counted
 * atomically before the password is hashed. Thread-safe; time from the injected clock. Windows
 * that ended are dropped when a new one starts for the same address, and all of them now and then.
 */
public final class RegistrationThrottle {

    private record Window(Instant start, int count) {
    }

    private final Clock clock;
    private final int perWindow;
    private final Duration window;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RegistrationThrottle(Clock clock, int perWindow, Duration window) {
        this.clock = clock;
        this.perWindow = perWindow;
        this.window = window;
    }

    /** Counts one registration from {@code address}; false when the address is over its limit. */
    public boolean tryAcquire(String address) {
        Instant now = clock.instant();
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> ended(w, now));
        }
        Window counted = windows.compute(address == null ? "unknown" : address, (key, current) ->
            current == null || ended(current, now) ? new Window(now, 1)
                : new Window(current.start(), Math.min(current.count() + 1, perWindow + 1)));
        return counted.count() <= perWindow;
    }

    private boolean ended(Window w, Instant now) {
        return !now.isBefore(w.start().plus(window));
    }
}
