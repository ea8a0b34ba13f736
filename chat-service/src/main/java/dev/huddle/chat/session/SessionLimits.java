package dev.huddle.chat.session;

import dev.huddle.server.config.Env;
import dev.huddle.server.config.Setting;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What one line-protocol or WebSocket connection may cost the server beyond its command rate.
 *
 * @param refusalsLoggedPerSecond refused lines (over the rate, unparseable, too long) written to the
 *                                action log per connection per second, with a burst of ten times
 *                                that; the rest are counted and summed up in one block
 * @param idleTimeout             a connection that sends nothing for this long is closed
 * @param lineTimeout             a line started must be finished within this (TCP only)
 * @param loginDeadline           a connection nobody has logged in on is closed after this
 * @param maxQueuedCommands       commands one connection may have waiting for an answer; more are
 *                                refused {@code RATE_LIMITED}
 * @param maxConnectionsPerAddress line-protocol and WebSocket connections one client address may hold
 */
public record SessionLimits(int refusalsLoggedPerSecond, Duration idleTimeout, Duration lineTimeout,
                            Duration loginDeadline, int maxQueuedCommands, int maxConnectionsPerAddress) {

    public static final Setting<Integer> REFUSALS_LOGGED_PER_SECOND = Setting.integer(
        "HUDDLE_CHAT_REFUSALS_LOGGED_PER_SECOND", 2, 1, 10_000,
        "Refused lines one connection may have written to the action log per second (burst ten times that); "
            + "the rest are counted and written as one `refused` block.");
    public static final Setting<Duration> IDLE_TIMEOUT = Setting.duration("HUDDLE_CHAT_IDLE_TIMEOUT", "30m",
        "A line-protocol or WebSocket connection that sends nothing for this long is closed.");
    public static final Setting<Duration> LINE_TIMEOUT = Setting.duration("HUDDLE_CHAT_LINE_TIMEOUT", "30s",
        "A line started on TCP must end (newline) within this, or the connection is closed (slow clients).");
    public static final Setting<Duration> LOGIN_DEADLINE = Setting.duration("HUDDLE_CHAT_LOGIN_DEADLINE", "2m",
        "A line-protocol or WebSocket connection nobody has logged in on (or authenticated) is closed after this.");
    public static final Setting<Integer> MAX_QUEUED_COMMANDS = Setting.integer("HUDDLE_CHAT_MAX_QUEUED_COMMANDS", 64,
        1, 100_000, "Commands one connection may have waiting for their answer; more are refused RATE_LIMITED.");

    public static final Setting<Integer> MAX_CONNECTIONS_PER_ADDRESS = Setting.integer(
        "HUDDLE_CHAT_MAX_CONNECTIONS_PER_ADDRESS", 256, 1, 1_000_000,
        "Line-protocol and WebSocket connections one client address may hold at once; more are refused and closed.");

    public static final List<Setting<?>> SETTINGS = List.of(REFUSALS_LOGGED_PER_SECOND, IDLE_TIMEOUT, LINE_TIMEOUT,
        LOGIN_DEADLINE, MAX_QUEUED_COMMANDS, MAX_CONNECTIONS_PER_ADDRESS);

    public static SessionLimits read(Env env) {
        return new SessionLimits(REFUSALS_LOGGED_PER_SECOND.read(env), IDLE_TIMEOUT.read(env), LINE_TIMEOUT.read(env),
            LOGIN_DEADLINE.read(env), MAX_QUEUED_COMMANDS.read(env), MAX_CONNECTIONS_PER_ADDRESS.read(env));
    }

    /** The token bucket that decides which refusals of one connection get their own block. */
    public RateLimiter refusalLogBudget(Clock clock) {
        return new RateLimiter(clock, refusalsLoggedPerSecond, refusalsLoggedPerSecond * 10);
    }
}
