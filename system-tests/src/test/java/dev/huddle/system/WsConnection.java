package dev.huddle.system;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A test client of chat-service's {@code /ws}: JSON command frames out, replies and events in. */
final class WsConnection implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final WebSocketClient client;
    private final WebSocket socket;
    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    /** Events that arrived while a reply was awaited: kept for a later {@link #awaitEvent}. */
    private final Deque<JsonObject> held = new ArrayDeque<>();
    private final AtomicInteger ids = new AtomicInteger();

    private WsConnection(WebSocketClient client, WebSocket socket) {
        this.client = client;
        this.socket = socket;
        socket.textMessageHandler(text -> frames.add(new JsonObject(text)));
    }

    static WsConnection connect(Vertx vertx, int port) {
        WebSocketClient client = vertx.createWebSocketClient();
        return new WsConnection(client, client.connect(port, "127.0.0.1", "/ws").await());
    }

    /** Sends a command frame and waits for its reply frame. */
    JsonObject send(JsonObject command) {
        int id = ids.incrementAndGet();
        socket.writeTextMessage(command.copy().put("id", id).encode()).await();
        return next(frame -> Integer.valueOf(id).equals(frame.getValue("id")), true);
    }

    /** Sends a command that must succeed; its result. */
    JsonObject ok(JsonObject command) {
        JsonObject reply = send(command);
        if (!reply.getBoolean("ok", false)) {
            throw new AssertionError("refused: " + reply.encode());
        }
        return reply.getJsonObject("result");
    }

    /** The next event frame of this type, skipping other frames. */
    JsonObject awaitEvent(String type) {
        return next(frame -> type.equals(frame.getString("event")), false).getJsonObject("data");
    }

    /** The next frame that is an event of one of these types. */
    JsonObject nextEventOf(String... types) {
        return next(frame -> frame.containsKey("event") && java.util.List.of(types).contains(frame.getString("event")),
            false);
    }

    /**
     * The first frame {@code wanted} accepts: among the held events first, then as frames arrive. Other
     * frames are skipped; {@code holdEvents}: skipped events are held instead.
     */
    private JsonObject next(Predicate<JsonObject> wanted, boolean holdEvents) {
        for (Iterator<JsonObject> it = held.iterator(); it.hasNext(); ) {
            JsonObject frame = it.next();
            if (wanted.test(frame)) {
                it.remove();
                return frame;
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonObject frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (frame != null && wanted.test(frame)) {
                    return frame;
                }
                if (frame != null && holdEvents && frame.containsKey("event")) {
                    held.add(frame);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no matching frame within " + WAIT);
    }

    @Override
    public void close() {
        socket.close().await();
        client.close().await();
    }
}
