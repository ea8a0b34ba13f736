package dev.huddle.system;

import dev.huddle.auth.AuthConfig;
import dev.huddle.chat.ChatConfig;
import dev.huddle.room.RoomConfig;
import dev.huddle.server.config.ServiceDescriptor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/** The services the deployment files must describe: one descriptor per service module. */
final class KnownServices {

    /**
     * Every Huddle service. Add chat-service and media-relay here (their {@code *Config.SERVICE})
     * when their modules land, together with their lines in ./huddle, docker-compose.yml, their Dockerfile
     * and docs/CONFIGURATION.md: the tests then check all of those.
     */
    static final List<ServiceDescriptor> ALL = List.of(AuthConfig.SERVICE, RoomConfig.SERVICE, ChatConfig.SERVICE);

    private KnownServices() {
    }

    /** For {@code @MethodSource}: each descriptor, shown by its name. */
    static Stream<Arguments> arguments() {
        return ALL.stream().map(d -> Arguments.of(Named.of(d.name(), d)));
    }

    static ServiceDescriptor byName(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }
}
