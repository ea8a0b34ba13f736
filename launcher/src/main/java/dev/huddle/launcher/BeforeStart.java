package dev.huddle.launcher;

import dev.huddle.server.trust.ClusterCredentials;
import java.time.Clock;
import java.util.List;

/**
 * Work done once before the first service starts. A step that fails stops {@code ./huddle up} with
 * its message.
 */
@FunctionalInterface
interface BeforeStart {

    /**
     * The steps, in order: the cluster credentials every service needs to join the event bus
     * (docs/SECURITY.md), made on first start and renewed close to their end.
     */
    List<BeforeStart> STEPS = List.of(
        layout -> ClusterCredentials.ensure(layout.credentialsDir(), layout.credentialsDir().resolve("ca"),
            Clock.systemUTC()));

    void prepare(Layout layout) throws Exception;
}
