package dev.huddle.chat.session;

import dev.huddle.server.config.Env;
import dev.huddle.server.config.Setting;
import java.util.List;

/**
 * What one line-protocol or WebSocket connection may cost the server beyond its command rate.
 *
 * @param refusalsLoggedPerSecond refused lines (over the rate, unparseable, too long) written to the
 *                                action log per connection per second, with a burst of ten times
 *                                that; the rest are counted and summed up in one block
 */
public record SessionLimits(int refusalsLoggedPerSecond) {

    public static final Setting<Integer> REFUSALS_LOGGED_PER_SECOND = Setting.integer(
        "HUDDLE_CHAT_REFUSALS_LOGGED_PER_SECOND", 2, 1, 10_000,
        "Refused lines one connection may have written to the action log per second (burst ten times that); "
            + "the rest are counted and written as one `refused` block.");

    public static final List<Setting<?>> SETTINGS = List.of(REFUSALS_LOGGED_PER_SECOND);

    public static SessionLimits read(Env env) {
        return new SessionLimits(REFUSALS_LOGGED_PER_SECOND.read(env));
    }

    /** The token bucket that decides which refusals of one connection get their own block. */
    public RateLimiter refusalLogBudget(java.time.Clock clock) {
        return new RateLimiter(clock, refusalsLoggedPerSecond, refusalsLoggedPerSecond * 10);
    }
}
