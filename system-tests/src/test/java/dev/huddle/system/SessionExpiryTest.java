package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens that live three seconds (one second of clock skew): a live line connection and a live
 * WebSocket stop receiving their room and are told, once the token has expired, with nobody
 * revoking anything; their next command is refused.
 */
@ExtendWith(VertxExtension.class)
class SessionExpiryTest {

    @TempDir
    static Path root;
    static ChatCluster cluster;

    @BeforeAll
    static void start() {
        cluster = ChatCluster.start(root, java.time.Clock.systemUTC(),
            Map.of("HUDDLE_AUTH_TOKEN_TTL", "3s", "HUDDLE_TOKEN_CLOCK_SKEW", "1s"), Map.of());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void anExpiredTokenEndsItsLiveConnectionsOnTcpAndWebSocket(Vertx vertx) {
        try (LineClient line = LineClient.connect(cluster.linePortA);
             WsConnection ws = WsConnection.connect(vertx, cluster.httpPort(cluster.chatB))) {
            line.ok("reg ex_alice violet-anchor-93-drum");
            String token = line.ok("login ex_alice violet-anchor-93-drum").getString("token");
            long room = line.ok("new_project " + token + " short lived").getJsonObject("project").getLong("id");
            line.ok("join " + token + " " + room);
            ws.ok(new JsonObject().put("command", "auth").put("token", token));
            ws.ok(new JsonObject().put("command", "join").put("projectId", room));

            assertThat(line.awaitEvent(e -> e.type().equals("session_ended")).json().getString("reason"))
                .isEqualTo("expired");
            assertThat(ws.awaitEvent("session_ended").getString("reason")).isEqualTo("expired");
            assertThat(line.send("chat " + token + " " + room + " too late")).startsWith("ERR chat INVALID_TOKEN token expired");
            JsonObject refused = ws.send(new JsonObject().put("command", "chat").put("projectId", room).put("text", "x"));
            assertThat(refused.getJsonObject("error").getString("code")).isEqualTo("INVALID_TOKEN");
        }
    }
}
