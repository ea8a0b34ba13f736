package dev.huddle.chat;

import dev.huddle.chat.session.OutboundEvent;
import dev.huddle.chat.session.SessionRegistry;
import dev.huddle.contracts.room.RoomEvent;
import dev.huddle.contracts.room.RoomEventJson;
import dev.huddle.server.bus.media.CallEvent;
import dev.huddle.server.bus.media.CallEventJson;
import io.vertx.core.json.JsonObject;

/**
 * Tells this instance's connections what room-service changed in their rooms, and what the media
 * relays report of their calls ({@code call_joined}, {@code call_left}, {@code call_state}); a user
 * added to a project hears it on every connection, the room not yet open there. Every
 * instance receives every such event (they are published), so each delivers to its own connections
 * only. A removed member is told, then stops receiving that room at once; a deleted project's room
 * empties.
 */
public final class RoomEventRelay {

    private final SessionRegistry sessions;

    public RoomEventRelay(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    public void onRoomEvent(JsonObject json) {
        RoomEvent event = RoomEventJson.fromJson(json);
        sessions.deliverToRoom(event.projectId(), new OutboundEvent(RoomEventJson.type(event), json));
        switch (event) {
            case RoomEvent.MemberRemoved removed -> sessions.evict(removed.user().id(), removed.projectId());
            // the new member has not opened the room anywhere yet: their own feed tells their clients
            case RoomEvent.MemberAdded added -> sessions.deliverToUser(added.user().id(),
                new OutboundEvent(RoomEventJson.type(event), json));
            case RoomEvent.ProjectDeleted deleted -> sessions.dropRoom(deleted.projectId());
            default -> {
                // nothing else changes who receives the room
            }
        }
    }

    public void onCallEvent(JsonObject json) {
        CallEvent event = CallEventJson.fromJson(json);
        sessions.deliverToRoom(event.projectId(), new OutboundEvent(CallEventJson.type(event), json));
    }
}
