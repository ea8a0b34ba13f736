package dev.huddle.system;

import dev.huddle.launcher.HuddleServices;
import dev.huddle.server.config.ServiceDescriptor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/** The services the deployment files must describe: one descriptor per service module. */
final class KnownServices {

    /**
     * Every Huddle service: the launcher's list ({@link HuddleServices#ALL}), so a service added there is
     * checked against docker-compose.yml and docs/CONFIGURATION.md at once.
     */
    static final List<ServiceDescriptor> ALL = HuddleServices.ALL;

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
