package dev.huddle.launcher;

import java.util.List;

/**
 * Work done once before the first service starts (for example, cluster credentials the services
 * read at start-up). A step that fails stops {@code ./huddle up} with its message.
 */
@FunctionalInterface
interface BeforeStart {

    /** The steps, in order. */
    List<BeforeStart> STEPS = List.of();

    void prepare(Layout layout) throws Exception;
}
