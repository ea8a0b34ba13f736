package dev.huddle.server.bus.media;

import java.time.Instant;
import java.util.Locale;

/**
 * A change in a room's call, published by the media relay hosting it on
 * {@link dev.huddle.server.bus.BusAddresses#MEDIA_CALL_EVENTS}. chat-service passes each to the room's
 * connections as {@code EVENT call_joined|call_left|call_state <json>} ({@link CallEventJson}).
 * Only control travels this way; media never crosses the event bus.
 */
public sealed interface CallEvent {

    long projectId();

    String relayId();

    CallMember member();

    Instant at();

    /** A participant of a call: one relay session. */
    record CallMember(int sessionId, long userId, String username, boolean mic, boolean camera, boolean screen) {
    }

    /** {@code call_joined}: a session was bound (state: what its first STATE said, all off until then). */
    record Joined(long projectId, String relayId, CallMember member, Instant at) implements CallEvent {
    }

    /** {@code call_left}: a session ended, and why. */
    record Left(long projectId, String relayId, CallMember member, LeaveReason reason, Instant at)
        implements CallEvent {
    }

    /** {@code call_state}: a participant turned its microphone, camera or screen on or off. */
    record StateChanged(long projectId, String relayId, CallMember member, Instant at) implements CallEvent {
    }

    /** Why a session ended. */
    enum LeaveReason {
        /** the client sent LEAVE. */
        LEFT,
        /** nothing heard from it for the session timeout. */
        TIMEOUT,
        /** its user is no longer a member of the project (kicked, left, project deleted). */
        REMOVED,
        /** the token its ticket was issued to was revoked (logout). */
        LOGGED_OUT,
        /** the same address joined again. */
        REPLACED,
        /** the relay shut down. */
        RELAY_STOPPED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
