package dev.huddle.client.chat;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.JsonCommandCodec;
import dev.huddle.contracts.chat.ServerEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One WebSocket to chat-service ({@code /ws}, the JSON form of {@code docs/LINE_PROTOCOL.md}):
 * commands out as frames with an id, replies matched back by that id, event frames decoded into
 * {@link ServerEvent}s. A reply is the command's JSON result, or a {@link HuddleException} with the
 * server's code; a lost connection fails every waiting command with UNAVAILABLE. Callbacks run on
 * the socket's event loop. {@link ChatLink} keeps one of these alive.
 */
public final class ChatSocket {

    private final WebSocket socket;
    private final Vertx vertx;
    private final Duration timeout;
    // touched on the socket's event loop only, or under this
    private final Map<Long, Promise<Object>> pending = new HashMap<>();
    private long nextId = 1;
    private boolean closed;

    private ChatSocket(Vertx vertx, WebSocket socket, Duration timeout, Consumer<ServerEvent> events,
                       Runnable onClose) {
        this.vertx = vertx;
        this.socket = socket;
        this.timeout = timeout;
        socket.textMessageHandler(text -> onFrame(text, events));
        socket.closeHandler(v -> {
            failAll();
            onClose.run();
        });
        socket.exceptionHandler(e -> socket.close());
    }

    /** Opens the socket; fails with UNAVAILABLE when chat-service cannot be reached. */
    public static Future<ChatSocket> open(Vertx vertx, WebSocketClient client, String host, int port,
                                          Duration timeout, Consumer<ServerEvent> events, Runnable onClose) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(host).setPort(port).setURI("/ws")
            .setTimeout(timeout.toMillis());
        return client.connect(options)
            .map(socket -> new ChatSocket(vertx, socket, timeout, events, onClose))
            .recover(e -> Future.failedFuture(new HuddleException(ErrorCode.UNAVAILABLE,
                "cannot reach chat-service at " + host + ":" + port)));
    }

    /** Sends a command; the future holds its result (a JSON object, or an array for {@code projects}). */
    public synchronized Future<Object> request(Command command) {
        if (closed) {
            return Future.failedFuture(lost());
        }
        long id = nextId++;
        Promise<Object> reply = Promise.promise();
        pending.put(id, reply);
        long timer = vertx.setTimer(timeout.toMillis(), t -> expire(id, command.word()));
        socket.writeTextMessage(JsonCommandCodec.encode(command).put("id", id).encode());
        return reply.future().andThen(done -> vertx.cancelTimer(timer));
    }

    public Future<Void> close() {
        return socket.close();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private void onFrame(String text, Consumer<ServerEvent> events) {
        JsonObject frame;
        try {
            frame = new JsonObject(text);
        } catch (RuntimeException e) {
            return; // not a frame of ours: nothing waits for it
        }
        if (frame.containsKey("event")) {
            // a malformed event is skipped, the connection carries on
            eventOf(frame).ifPresent(events);
            return;
        }
        if (!(frame.getValue("id") instanceof Number id)) {
            return;
        }
        Promise<Object> reply;
        synchronized (this) {
            reply = pending.remove(id.longValue());
        }
        if (reply == null) {
            return;
        }
        if (Boolean.TRUE.equals(frame.getValue("ok"))) {
            reply.tryComplete(frame.getValue("result"));
        } else {
            reply.tryFail(HuddleException.fromJson(frame.getValue("error") instanceof JsonObject e ? e : null));
        }
    }

    /** The typed event an event frame {@code {"event": type, "data": {...}}} carries; empty when malformed. */
    public static Optional<ServerEvent> eventOf(JsonObject frame) {
        if (!(frame.getValue("event") instanceof String type) || !(frame.getValue("data") instanceof JsonObject data)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ServerEvent.decode(type, data));
        } catch (HuddleException malformed) {
            return Optional.empty();
        }
    }

    private void expire(long id, String word) {
        Promise<Object> reply;
        synchronized (this) {
            reply = pending.remove(id);
        }
        if (reply != null) {
            reply.tryFail(new HuddleException(ErrorCode.UNAVAILABLE, "no answer to " + word + " from chat-service within "
                + timeout.toSeconds() + " s"));
        }
    }

    private void failAll() {
        List<Promise<Object>> waiting;
        synchronized (this) {
            closed = true;
            waiting = List.copyOf(pending.values());
            pending.clear();
        }
        waiting.forEach(reply -> reply.tryFail(lost()));
    }

    private static HuddleException lost() {
        return new HuddleException(ErrorCode.UNAVAILABLE, "the connection to chat-service was lost");
    }
}
