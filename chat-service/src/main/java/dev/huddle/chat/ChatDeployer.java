package dev.huddle.chat;

import dev.huddle.chat.line.LineServerVerticle;
import dev.huddle.chat.message.ChatService;
import dev.huddle.chat.message.MessageRepository;
import dev.huddle.chat.session.SessionRegistry;
import dev.huddle.chat.ws.ChatHttpVerticle;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.runtime.ServiceRuntime;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Builds chat-service's parts and deploys its front doors: the line protocol once per core (the
 * instances share port 7000) and the HTTP/WebSocket server.
 */
public final class ChatDeployer {

    private ChatDeployer() {
    }

    public static Future<?> deploy(ServiceRuntime runtime, ChatConfig config) {
        var vertx = runtime.vertx();
        SessionRegistry sessions = new SessionRegistry(vertx.eventBus());
        ChatService chats = new ChatService(new MessageRepository(runtime.database()), runtime.clock());
        ChatDispatcher dispatcher = new ChatDispatcher(runtime, new Neighbours(vertx.eventBus(), config.busTimeout()),
            chats, sessions);
        RoomEventRelay relay = new RoomEventRelay(sessions);
        int loops = Math.max(1, Runtime.getRuntime().availableProcessors());
        return Future.all(
                vertx.eventBus().<JsonObject>consumer(BusAddresses.ROOM_EVENTS, m -> relay.onRoomEvent(m.body()))
                    .completion(),
                vertx.eventBus().<JsonObject>consumer(BusAddresses.MEDIA_CALL_EVENTS, m -> relay.onCallEvent(m.body()))
                    .completion())
            .compose(v -> vertx.deployVerticle(() -> new LineServerVerticle(runtime, config, dispatcher, sessions),
                new DeploymentOptions().setInstances(loops)))
            .compose(id -> vertx.deployVerticle(new ChatHttpVerticle(runtime, config, dispatcher, sessions)));
    }
}
