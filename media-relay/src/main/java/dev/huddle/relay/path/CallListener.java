package dev.huddle.relay.path;

import dev.huddle.server.bus.media.CallEvent;

/**
 * Where the data path reports call changes. Called on the data path thread with an immutable
 * event: implementations hand it over to another thread and return at once.
 */
@FunctionalInterface
public interface CallListener {

    void onCallEvent(CallEvent event);
}
