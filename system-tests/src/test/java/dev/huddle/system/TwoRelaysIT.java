package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.auth.AuthConfig;
import dev.huddle.auth.AuthDeployer;
import dev.huddle.room.RoomConfig;
import dev.huddle.room.RoomDeployer;
import dev.huddle.server.config.Env;
import dev.huddle.server.runtime.RunningService;
import dev.huddle.server.runtime.ServiceLauncher;
import dev.huddle.server.testing.Eventually;
import dev.huddle.server.testing.TestNodes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two media relays as real processes beside real auth-service and room-service: calls are spread over
 * them, and killing one (SIGKILL, no goodbye) takes it out of the registry so new calls go to the other.
 */
class TwoRelaysIT {

    @Test
    void callsAreSpreadAndAKilledRelayLeavesTheRegistry(@TempDir Path root) throws Exception {
        TestNodes nodes = new TestNodes(root);
        RunningService auth = ServiceLauncher.start(nodes.node("auth-service", 0),
            AuthConfig.read(Env.of(Map.of("HUDDLE_AUTH_ADMIN_USERNAME", "rhea"))),
            AuthDeployer::deploy, Clock.systemUTC()).await();
        RunningService rooms = ServiceLauncher.start(nodes.node("room-service", 1),
            RoomConfig.read(Env.of(CallCluster.FAST_REGISTRY)), RoomDeployer::deploy, Clock.systemUTC()).await();
        Vertx vertx = Vertx.vertx();
        WebClient http = WebClient.create(vertx);
        Map<String, String> envA = CallCluster.relayEnv(nodes, 2, "relay-a");
        Map<String, String> envB = CallCluster.relayEnv(nodes, 3, "relay-b");
        try (ServiceProcess relayA = relay(envA, root.resolve("relay-a.log"));
             ServiceProcess relayB = relay(envB, root.resolve("relay-b.log"))) {
            relayA.awaitHealthy(Duration.ofSeconds(90));
            relayB.awaitHealthy(Duration.ofSeconds(90));
            Api api = new Api(http, CallCluster.httpPort(auth), CallCluster.httpPort(rooms));
            String admin = api.login("rhea");
            Eventually.assertThat(() -> assertThat(api.relayIds(admin)).containsExactlyInAnyOrder("relay-a", "relay-b"));

            long first = api.project(admin, "First call");
            JsonObject firstCall = api.callJoin(admin, first);
            String firstRelay = firstCall.getJsonObject("relay").getString("id");
            try (MediaTestClient member = new MediaTestClient("127.0.0.1",
                firstCall.getJsonObject("relay").getInteger("port"))) {
                member.joinOrFail(first, firstCall.getString("ticket"));
                Eventually.assertThat(() -> assertThat(api.sessionsOn(admin, firstRelay)).isEqualTo(1));

                long second = api.project(admin, "Second call");
                String secondRelay = api.callJoin(admin, second).getJsonObject("relay").getString("id");
                assertThat(secondRelay).as("the second call goes to the idle relay").isNotEqualTo(firstRelay);
                assertThat(api.callJoin(admin, first).getJsonObject("relay").getString("id"))
                    .as("a room's call stays on its relay").isEqualTo(firstRelay);

                (firstRelay.equals("relay-a") ? relayA : relayB).close();
                Eventually.assertThat(() -> assertThat(api.relayIds(admin)).containsExactly(secondRelay));
                long third = api.project(admin, "Third call");
                assertThat(api.callJoin(admin, third).getJsonObject("relay").getString("id")).isEqualTo(secondRelay);
                assertThat(api.callJoin(admin, first).getJsonObject("relay").getString("id"))
                    .as("the first room's call moves to the live relay").isEqualTo(secondRelay);
            }
        } finally {
            http.close();
            vertx.close().await();
            Future.join(rooms.stop(), auth.stop()).await();
        }
    }

    private static ServiceProcess relay(Map<String, String> env, Path console) {
        return ServiceProcess.start("media-relay", env, Integer.parseInt(env.get("HUDDLE_HTTP_PORT")), console);
    }

    /** The HTTP calls this test makes to auth-service and room-service. */
    private record Api(WebClient http, int authPort, int roomPort) {

        String login(String name) {
            JsonObject account = new JsonObject().put("username", name).put("email", name + "@example.com")
                .put("password", "violet-anchor-93-drum");
            http.post(authPort, "127.0.0.1", "/api/auth/register").sendJsonObject(account).await();
            return http.post(authPort, "127.0.0.1", "/api/auth/login").sendJsonObject(account).await()
                .bodyAsJsonObject().getString("token");
        }

        long project(String token, String name) {
            return http.post(roomPort, "127.0.0.1", "/api/projects").bearerTokenAuthentication(token)
                .sendJsonObject(new JsonObject().put("name", name)).await()
                .bodyAsJsonObject().getJsonObject("project").getLong("id");
        }

        JsonObject callJoin(String token, long projectId) {
            HttpResponse<Buffer> answer = http.post(roomPort, "127.0.0.1", "/api/projects/" + projectId + "/call")
                .bearerTokenAuthentication(token).send().await();
            assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
            return answer.bodyAsJsonObject();
        }

        JsonArray relays(String token) {
            return http.get(roomPort, "127.0.0.1", "/api/admin/relays").bearerTokenAuthentication(token).send()
                .await().bodyAsJsonArray();
        }

        java.util.List<String> relayIds(String token) {
            return relays(token).stream().map(r -> ((JsonObject) r).getString("relayId")).toList();
        }

        int sessionsOn(String token, String relayId) {
            return relays(token).stream().map(JsonObject.class::cast).filter(r -> r.getString("relayId").equals(relayId))
                .mapToInt(r -> r.getInteger("sessions")).sum();
        }
    }
}
