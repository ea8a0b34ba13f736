package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.auth.AuthConfig;
import dev.huddle.auth.AuthDeployer;
import dev.huddle.room.RoomConfig;
import dev.huddle.room.RoomDeployer;
import dev.huddle.server.config.Env;
import dev.huddle.server.runtime.RunningService;
import dev.huddle.server.runtime.ServiceLauncher;
import dev.huddle.server.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chat-service process cut off from the cluster (frozen with SIGSTOP: it hears nothing and
 * answers nothing, as behind a partition) while a token it has already verified and cached is
 * logged out. auth-service answers the logout without its confirmation; once the node is back, the
 * very first command with that token is refused: the node catches up before trusting its cache.
 */
class PartitionedNodeIT {

    @Test
    void aRevokedTokenIsRefusedByANodeThatWasPartitionedDuringTheRevocation(@TempDir Path root) throws Exception {
        TestNodes nodes = new TestNodes(root);
        RunningService auth = ServiceLauncher.start(nodes.node("auth-service", 0), AuthConfig.read(Env.of(Map.of())),
            AuthDeployer::deploy, Clock.systemUTC()).await();
        RunningService rooms = ServiceLauncher.start(nodes.node("room-service", 1), RoomConfig.read(Env.of(Map.of())),
            RoomDeployer::deploy, Clock.systemUTC()).await();
        Map<String, String> env = new HashMap<>(nodes.env("chat-service", 2));
        int linePort = TestNodes.freePort();
        env.put("HUDDLE_CHAT_LINE_PORT", Integer.toString(linePort));
        Vertx vertx = Vertx.vertx();
        WebClient http = WebClient.create(vertx);
        try (ServiceProcess chat = ServiceProcess.start("chat-service", env, TestNodes.freePort(),
                root.resolve("chat-console.log"))) {
            chat.awaitHealthy(Duration.ofSeconds(90));
            try (LineClient line = LineClient.connect(linePort)) {
                line.ok("reg parted violet-anchor-93-drum");
                String token = line.ok("login parted violet-anchor-93-drum").getString("token");
                assertThat(line.ok("whoami " + token).getString("username")).isEqualTo("parted");
                String warmUp = line.ok("login parted violet-anchor-93-drum").getString("token");
                logout(http, auth, warmUp); // the node has taken one revocation the normal way

                signal(chat, "STOP");
                try {
                    logout(http, auth, token);
                } finally {
                    signal(chat, "CONT");
                }

                assertThat(line.send("whoami " + token)).startsWith("ERR whoami INVALID_TOKEN token revoked");
            }
        } finally {
            http.close();
            vertx.close().await();
            rooms.stop().await();
            auth.stop().await();
        }
    }

    private static void logout(WebClient http, RunningService auth, String token) {
        JsonObject answer = http.post(auth.runtime().config().httpPort(), "127.0.0.1", "/api/auth/logout")
            .bearerTokenAuthentication(token).send().await().bodyAsJsonObject();
        assertThat(answer.getBoolean("loggedOut")).as(answer.encode()).isTrue();
    }

    private static void signal(ServiceProcess process, String signal) throws IOException, InterruptedException {
        // bash's own kill: no procps needed on a bare machine
        int exit = new ProcessBuilder("bash", "-c", "kill -" + signal + " " + process.process.pid()).inheritIO()
            .start().waitFor();
        assertThat(exit).as("kill -" + signal).isZero();
    }
}
