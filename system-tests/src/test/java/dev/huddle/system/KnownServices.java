package dev.huddle.system;

import dev.huddle.auth.AuthConfig;
import dev.huddle.chat.ChatConfig;
import dev.huddle.relay.RelayConfig;
import dev.huddle.room.RoomConfig;
import dev.huddle.server.config.ServiceDescriptor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/** The services the deployment files must describe: one descriptor per service module. */
final class KnownServices {

    /**
     * Every Huddle service. A new one goes here (its {@code *Config.SERVICE}) together with its lines
     * in ./huddle, docker-compose.yml, its Dockerfile and docs/CONFIGURATION.md: the tests then check
     * all of those.
     */
    static final List<ServiceDescriptor> ALL = List.of(AuthConfig.SERVICE, RoomConfig.SERVICE, ChatConfig.SERVICE,
        RelayConfig.SERVICE);

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
