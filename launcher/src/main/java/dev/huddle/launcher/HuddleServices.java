package dev.huddle.launcher;

import dev.huddle.auth.AuthConfig;
import dev.huddle.chat.ChatConfig;
import dev.huddle.relay.RelayConfig;
import dev.huddle.room.RoomConfig;
import dev.huddle.server.config.ServiceDescriptor;
import java.util.List;
import java.util.Optional;

/**
 * Every service {@code ./huddle up} runs, in start order: auth-service first, because the others
 * verify tokens with the key it publishes. Adding a service is one entry here (and its module as a
 * dependency of this one); the deployment tests check compose, the image and the docs against it.
 */
public final class HuddleServices {

    public static final List<ServiceDescriptor> ALL = List.of(AuthConfig.SERVICE, RoomConfig.SERVICE, ChatConfig.SERVICE,
        RelayConfig.SERVICE);

    private HuddleServices() {
    }

    public static Optional<ServiceDescriptor> byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(ServiceDescriptor::name).toList();
    }
}
