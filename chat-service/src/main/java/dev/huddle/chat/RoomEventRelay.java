package dev.huddle.chat;

import dev.huddle.chat.session.OutboundEvent;
import dev.huddle.chat.session.SessionRegistry;
import dev.huddle.contracts.room.RoomEvent;
import dev.huddle.contracts.room.RoomEventJson;
import io.vertx.core.json.JsonObject;

/**
 * Tells this instance's connections what room-service changed in their rooms. Every instance
 * receives every room event (it is published), so each delivers to its own connections only. A
 * removed member is told, then stops receiving that room at once; a deleted project's room empties.
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
            case RoomEvent.ProjectDeleted deleted -> sessions.dropRoom(deleted.projectId());
            default -> {
                // nothing else changes who receives the room
            }
        }
    }
}
