package dev.huddle.room;

import dev.huddle.server.config.Env;
import dev.huddle.server.config.ServiceDescriptor;
import dev.huddle.server.config.Setting;
import java.time.Duration;
import java.util.List;

/**
 * room-service's own settings (the common ones are in {@code NodeConfig}).
 *
 * @param authTimeout how long to wait for auth-service when resolving usernames
 */
public record RoomConfig(Duration authTimeout) {

    public static final Setting<Duration> AUTH_TIMEOUT = Setting.duration("HUDDLE_ROOM_AUTH_TIMEOUT", "5s",
        "How long room-service waits for auth-service to resolve usernames before answering UNAVAILABLE.");

    public static final ServiceDescriptor SERVICE = ServiceDescriptor.of("room-service", 8082, List.of(AUTH_TIMEOUT));

    public static RoomConfig read(Env env) {
        return new RoomConfig(AUTH_TIMEOUT.read(env));
    }
}
