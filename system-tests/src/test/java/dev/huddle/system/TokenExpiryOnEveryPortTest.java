package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.server.config.NodeConfig;
import dev.huddle.server.testing.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One token, used on every port (auth HTTP, room HTTP, the line protocol, WebSocket), all of which
 * have seen and cached it: accepted up to its expiry plus the documented clock skew
 * ({@code HUDDLE_TOKEN_CLOCK_SKEW}, 5 s), refused one second later, everywhere. Every service runs on
 * one shared clock that the test moves.
 */
@ExtendWith(VertxExtension.class)
class TokenExpiryOnEveryPortTest {

    @TempDir
    static Path root;
    static final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    static ChatCluster cluster;

    @BeforeAll
    static void start() {
        cluster = ChatCluster.start(root, clock, Map.of(), Map.of());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void anExpiredTokenIsRefusedOnEveryPortOnceTheSkewHasPassed(Vertx vertx) throws Exception {
        WebClient http = WebClient.create(vertx);
        WebSocketClient wsClient = vertx.createWebSocketClient();
        try (LineClient line = LineClient.connect(cluster.linePortA)) {
            line.ok("reg expiring violet-anchor-93-drum");
            JsonObject login = line.ok("login expiring violet-anchor-93-drum");
            String token = login.getString("token");
            Instant expiresAt = Instant.parse(login.getString("expiresAt"));
            WebSocket ws = wsClient.connect(cluster.httpPort(cluster.chatB), "127.0.0.1", "/ws").await();
            BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
            ws.textMessageHandler(text -> frames.add(new JsonObject(text)));
            Ports ports = new Ports(http, line, ws, frames, token);

            assertThat(ports.statuses()).as("fresh token").containsOnly("OK");
            clock.set(expiresAt.plus(NodeConfig.TOKEN_CLOCK_SKEW.read(dev.huddle.server.config.Env.of(Map.of()))));
            assertThat(ports.statuses()).as("at expiry + skew").containsOnly("OK");
            clock.advance(Duration.ofSeconds(1));
            assertThat(ports.statuses()).as("one second past expiry + skew").containsOnly("INVALID_TOKEN");
            ws.close().await();
        } finally {
            wsClient.close();
            http.close();
        }
    }

    /** The same question ("who am I?") asked on each port, answered OK or with the refusal's code. */
    private record Ports(WebClient http, LineClient line, WebSocket ws, BlockingQueue<JsonObject> frames,
                         String token) {

        java.util.List<String> statuses() throws InterruptedException {
            return java.util.List.of(
                httpStatus(cluster.httpPort(cluster.auth), "/api/auth/me"),
                httpStatus(cluster.httpPort(cluster.rooms), "/api/projects"),
                lineStatus(),
                webSocketStatus());
        }

        private String httpStatus(int port, String path) {
            var response = http.get(port, "127.0.0.1", path).bearerTokenAuthentication(token).send().await();
            return response.statusCode() == 200 ? "OK" : response.bodyAsJsonObject().getString("code");
        }

        private String lineStatus() {
            String reply = line.send("whoami " + token);
            return reply.startsWith("OK ") ? "OK" : reply.split(" ")[2];
        }

        private String webSocketStatus() throws InterruptedException {
            frames.clear();
            ws.writeTextMessage(new JsonObject().put("id", 1).put("command", "whoami").put("token", token).encode())
                .await();
            JsonObject reply = frames.poll(15, TimeUnit.SECONDS);
            assertThat(reply).as("a reply frame").isNotNull();
            return reply.getBoolean("ok") ? "OK" : reply.getJsonObject("error").getString("code");
        }
    }
}
