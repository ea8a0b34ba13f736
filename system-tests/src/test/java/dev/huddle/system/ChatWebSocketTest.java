package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.chat.DmThreadList;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The WebSocket front door: same commands and events as the line protocol, as JSON frames on /ws. */
@ExtendWith(VertxExtension.class)
class ChatWebSocketTest {

    @TempDir
    static Path root;
    static ChatCluster cluster;

    @BeforeAll
    static void start() {
        cluster = ChatCluster.start(root, Map.of());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void webSocketAndLineClientsShareARoomAcrossInstances(Vertx vertx) throws Exception {
        String alice = register("wsalice");
        String bob = register("wsbob");
        try (LineClient line = LineClient.connect(cluster.linePortA)) {
            String ta = line.ok("login " + alice + " violet-anchor-93-drum").getString("token");
            long id = line.ok("new_project " + ta + " websocket room").getJsonObject("project").getLong("id");
            line.ok("add_group " + ta + " " + id + " " + bob);
            line.ok("join " + ta + " " + id);
            String tb;
            try (LineClient other = LineClient.connect(cluster.linePortA)) {
                // another connection: a connection is one user (logging in as bob here would leave alice's rooms)
                tb = other.ok("login " + bob + " violet-anchor-93-drum").getString("token");
            }

            WebSocketClient client = vertx.createWebSocketClient();
            BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
            WebSocket ws = client.connect(cluster.httpPort(cluster.chatB), "127.0.0.1", "/ws").await();
            ws.textMessageHandler(text -> frames.add(new JsonObject(text)));

            ws.writeTextMessage(new JsonObject().put("id", 1).put("command", "auth").put("token", tb).encode()).await();
            assertThat(next(frames, f -> Integer.valueOf(1).equals(f.getValue("id"))).getBoolean("ok")).isTrue();
            ws.writeTextMessage(new JsonObject().put("id", 2).put("command", "join").put("projectId", id).encode())
                .await();
            assertThat(next(frames, f -> Integer.valueOf(2).equals(f.getValue("id"))).getBoolean("ok")).isTrue();

            line.ok("chat " + ta + " " + id + " hello websocket");
            JsonObject event = next(frames, f -> "chat".equals(f.getString("event")));
            assertThat(event.getJsonObject("data").getString("text")).isEqualTo("hello websocket");

            ws.writeTextMessage(new JsonObject().put("id", 3).put("command", "chat").put("projectId", id)
                .put("text", "hello line\nsecond line").encode()).await();
            JsonObject ack = next(frames, f -> Integer.valueOf(3).equals(f.getValue("id")));
            assertThat(ack.getBoolean("ok")).as(ack.encode()).isTrue();
            assertThat(line.awaitEvent(e -> e.type().equals("chat") && e.json().getString("username").equals(bob))
                .json().getString("text")).isEqualTo("hello line\nsecond line");

            // a DM sent over the line lists its conversation on the WebSocket (the session's token)
            line.ok("dm " + ta + " " + bob + " psst");
            ws.writeTextMessage(new JsonObject().put("id", 4).put("command", "dm_threads").encode()).await();
            JsonObject threads = next(frames, f -> Integer.valueOf(4).equals(f.getValue("id")));
            assertThat(threads.getBoolean("ok")).as(threads.encode()).isTrue();
            DmThreadList list = DmThreadList.fromJson(threads.getJsonObject("result"));
            assertThat(list.threads()).singleElement().satisfies(t -> {
                assertThat(t.with().username()).isEqualTo(alice);
                assertThat(t.last().text()).isEqualTo("psst");
            });

            ws.writeTextMessage("not json at all").await();
            JsonObject refused = next(frames, f -> Boolean.FALSE.equals(f.getBoolean("ok")));
            assertThat(refused.getJsonObject("error").getString("code")).isEqualTo("BAD_REQUEST");
            ws.close().await();
            client.close();
        }
    }

    private static JsonObject next(BlockingQueue<JsonObject> frames, Predicate<JsonObject> wanted)
        throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (frame != null && wanted.test(frame)) {
                return frame;
            }
        }
        throw new AssertionError("no matching frame");
    }

    private static String register(String name) {
        try (LineClient c = LineClient.connect(cluster.linePortA)) {
            c.ok("reg " + name + " violet-anchor-93-drum");
        }
        return name;
    }
}
