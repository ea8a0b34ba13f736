package dev.huddle.chat;

import dev.huddle.chat.session.OutboundEvent;
import dev.huddle.contracts.chat.Presence;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.token.Principal;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/** Publishes to the cluster's live feeds: a room's ({@code huddle.chat.room.<id>}) and a user's. */
final class Feeds {

    private final EventBus bus;

    Feeds(EventBus bus) {
        this.bus = bus;
    }

    void toRoom(long projectId, String type, JsonObject data) {
        bus.publish(BusAddresses.CHAT_ROOM_PREFIX + projectId, new OutboundEvent(type, data).toBus());
    }

    void toUser(long userId, String type, JsonObject data) {
        bus.publish(BusAddresses.CHAT_USER_PREFIX + userId, new OutboundEvent(type, data).toBus());
    }

    /** {@code joined} or {@code left}: who entered or left the room. */
    void presence(String type, Principal user, long projectId) {
        toRoom(projectId, type, new Presence(projectId, user.userId(), user.username()).toJson());
    }
}
