package dev.huddle.chat;

import dev.huddle.chat.file.FileConfig;
import dev.huddle.chat.session.SessionLimits;
import dev.huddle.server.config.Env;
import dev.huddle.server.config.ServiceDescriptor;
import dev.huddle.server.config.Setting;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * chat-service's own settings (the common ones are in {@code NodeConfig}).
 *
 * @param linePort           TCP port of the seed-004 line protocol
 * @param commandsPerSecond  sustained commands per connection per second
 * @param commandBurst       commands a connection may send at once before the rate applies
 * @param outboundLimitBytes bytes queued to one connection before it is closed as too slow
 * @param busTimeout         how long to wait for auth-service and room-service
 * @param files              file transfer limits and the janitor's TTL
 * @param limits             what one connection may cost beyond its command rate
 */
public record ChatConfig(int linePort, int commandsPerSecond, int commandBurst, long outboundLimitBytes,
                         Duration busTimeout, FileConfig files, SessionLimits limits) {

    public static final Setting<Integer> LINE_PORT = Setting.port("HUDDLE_CHAT_LINE_PORT", 7000,
        "TCP port of the line protocol (seed 004): `nc localhost 7000`.");
    public static final Setting<Integer> COMMANDS_PER_SECOND = Setting.integer("HUDDLE_CHAT_COMMANDS_PER_SECOND", 20,
        1, 100_000, "Sustained commands per connection per second; beyond it: ERR ... RATE_LIMITED.");
    public static final Setting<Integer> COMMAND_BURST = Setting.integer("HUDDLE_CHAT_COMMAND_BURST", 40,
        1, 1_000_000, "Commands a connection may send at once before the per-second rate applies.");
    public static final Setting<Long> OUTBOUND_LIMIT_BYTES = Setting.bytes("HUDDLE_CHAT_OUTBOUND_LIMIT_BYTES",
        1_048_576, 4_096, "Bytes waiting to be sent to one connection before it is closed as too slow.");
    public static final Setting<Duration> BUS_TIMEOUT = Setting.duration("HUDDLE_CHAT_BUS_TIMEOUT", "5s",
        "How long chat-service waits for auth-service and room-service before answering UNAVAILABLE.");

    public static final ServiceDescriptor SERVICE = ServiceDescriptor.of("chat-service", 8083,
            Stream.of(Stream.of(COMMANDS_PER_SECOND, COMMAND_BURST, OUTBOUND_LIMIT_BYTES, BUS_TIMEOUT),
                    FileConfig.SETTINGS.stream(), SessionLimits.SETTINGS.stream())
                .flatMap(s -> s).<Setting<?>>map(s -> s).toList())
        .withPort(LINE_PORT, "tcp");

    public static ChatConfig read(Env env) {
        return new ChatConfig(LINE_PORT.read(env), COMMANDS_PER_SECOND.read(env), COMMAND_BURST.read(env),
            OUTBOUND_LIMIT_BYTES.read(env), BUS_TIMEOUT.read(env), FileConfig.read(env), SessionLimits.read(env));
    }
}
