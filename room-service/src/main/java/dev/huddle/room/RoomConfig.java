package dev.huddle.room;

import dev.huddle.server.config.Env;
import dev.huddle.server.config.ServiceDescriptor;
import dev.huddle.server.config.Setting;
import java.time.Duration;
import java.util.List;

/**
 * room-service's own settings (the common ones are in {@code NodeConfig}).
 *
 * @param authTimeout  how long to wait for auth-service when resolving usernames (and for a relay)
 * @param ticketTtl    how long a media ticket may wait before its JOIN
 * @param relayTimeout how long a media relay stays in the registry after its last announcement
 */
public record RoomConfig(Duration authTimeout, Duration ticketTtl, Duration relayTimeout) {

    public static final Setting<Duration> AUTH_TIMEOUT = Setting.duration("HUDDLE_ROOM_AUTH_TIMEOUT", "5s",
        "How long room-service waits for auth-service to resolve usernames before answering UNAVAILABLE.");

    public static final Setting<Duration> CALL_TICKET_TTL = Setting.duration("HUDDLE_ROOM_CALL_TICKET_TTL", "30s",
        "Lifetime of a media ticket: the JOIN to the relay must come within it (the ticket works once).");
    public static final Setting<Duration> RELAY_TIMEOUT = Setting.duration("HUDDLE_ROOM_RELAY_TIMEOUT", "3s",
        "A media relay silent this long (no heartbeat) leaves the registry; new calls go to the others.");

    public static final ServiceDescriptor SERVICE = ServiceDescriptor.of("room-service", 8082,
        List.of(AUTH_TIMEOUT, CALL_TICKET_TTL, RELAY_TIMEOUT));

    public static RoomConfig read(Env env) {
        return new RoomConfig(AUTH_TIMEOUT.read(env), CALL_TICKET_TTL.read(env), RELAY_TIMEOUT.read(env));
    }
}
