package dev.huddle.chat;

import dev.huddle.chat.file.FileCommands;
import dev.huddle.chat.file.FileRepository;
import dev.huddle.chat.file.FileService;
import dev.huddle.chat.file.FileTransfers;
import dev.huddle.chat.file.LocalDirectoryStore;
import dev.huddle.chat.file.UploadJanitor;
import dev.huddle.chat.line.LineServerVerticle;
import dev.huddle.chat.message.ChatService;
import dev.huddle.chat.message.MessageRepository;
import dev.huddle.chat.session.AddressCaps;
import dev.huddle.chat.session.SessionRegistry;
import dev.huddle.chat.ws.ChatHttpVerticle;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.runtime.ServiceRuntime;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Builds chat-service's parts and deploys its front doors: the line protocol once per core (the
 * instances share port 7000) and the HTTP/WebSocket server. Files live in {@code <data dir>/files},
 * shared by the instances that share the data directory.
 */
public final class ChatDeployer {

    private ChatDeployer() {
    }

    public static Future<?> deploy(ServiceRuntime runtime, ChatConfig config) {
        var vertx = runtime.vertx();
        return LocalDirectoryStore.open(vertx, runtime.config().dataDir().resolve("files"))
            .compose(store -> deploy(runtime, config, store));
    }

    private static Future<?> deploy(ServiceRuntime runtime, ChatConfig config, LocalDirectoryStore store) {
        var vertx = runtime.vertx();
        SessionRegistry sessions = new SessionRegistry(vertx.eventBus());
        MessageRepository messages = new MessageRepository(runtime.database());
        ChatService chats = new ChatService(messages, runtime.clock());
        Neighbours neighbours = new Neighbours(vertx.eventBus(), config.busTimeout());
        FileService files = new FileService(new FileRepository(runtime.database(), messages), config.files(),
            runtime.clock());
        FileTransfers transfers = new FileTransfers(runtime, files, store, neighbours, config.files());
        ChatDispatcher dispatcher = new ChatDispatcher(runtime, neighbours, chats, sessions,
            new FileCommands(transfers));
        RoomEventRelay relay = new RoomEventRelay(sessions);
        AddressCaps caps = new AddressCaps(config.limits().maxConnectionsPerAddress());
        int loops = Math.max(1, Runtime.getRuntime().availableProcessors());
        new UploadJanitor(runtime, files, store, transfers).start(config.files().incompleteTtl());
        return Future.all(
                vertx.eventBus().<JsonObject>consumer(BusAddresses.ROOM_EVENTS, m -> relay.onRoomEvent(m.body()))
                    .completion(),
                vertx.eventBus().<JsonObject>consumer(BusAddresses.MEDIA_CALL_EVENTS, m -> relay.onCallEvent(m.body()))
                    .completion())
            .compose(v -> vertx.deployVerticle(() -> new LineServerVerticle(runtime, config, dispatcher, sessions, caps),
                new DeploymentOptions().setInstances(loops)))
            .compose(id -> vertx.deployVerticle(new ChatHttpVerticle(runtime, config, dispatcher, sessions, transfers, caps)));
    }
}
