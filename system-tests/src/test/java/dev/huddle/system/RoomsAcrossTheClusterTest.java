package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.auth.AuthConfig;
import dev.huddle.auth.AuthDeployer;
import dev.huddle.room.RoomConfig;
import dev.huddle.room.RoomDeployer;
import dev.huddle.server.bus.BusAddresses;
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
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * auth-service and room-service as real clustered nodes, and a third node listening to room events
 * the way chat-service and the media relay do.
 */
@ExtendWith(VertxExtension.class)
class RoomsAcrossTheClusterTest {

    @TempDir
    static Path root;
    static RunningService auth;
    static RunningService rooms;
    static RunningService observer;
    static WebClient http;
    static final List<JsonObject> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startCluster(Vertx vertx) {
        TestNodes nodes = new TestNodes(root);
        auth = ServiceLauncher.start(nodes.node("auth-service", 0), AuthConfig.read(Env.of(Map.of())),
            AuthDeployer::deploy, Clock.systemUTC()).await();
        rooms = ServiceLauncher.start(nodes.node("room-service", 1), RoomConfig.read(Env.of(Map.of())),
            RoomDeployer::deploy, Clock.systemUTC()).await();
        observer = ServiceLauncher.start(nodes.node("observer", 2), null, (runtime, config) ->
            runtime.vertx().eventBus().<JsonObject>consumer(BusAddresses.ROOM_EVENTS, m -> seen.add(m.body()))
                .completion(), Clock.systemUTC()).await();
        http = WebClient.create(vertx);
    }

    @AfterAll
    static void stopCluster() {
        http.close();
        Future.join(observer.stop(), rooms.stop(), auth.stop()).await();
    }

    @Test
    void initialMemberSeesTheProjectOutsiderIsRefusedAndEventsReachAThirdNode() {
        String owner = registerAndLogin("rita");
        String member = registerAndLogin("sam");
        String outsider = registerAndLogin("tom");

        HttpResponse<Buffer> created = http.post(port(rooms), "127.0.0.1", "/api/projects")
            .bearerTokenAuthentication(owner)
            .sendJsonObject(new JsonObject().put("name", "Cluster plan").put("members", "sam, nobody_at_all"))
            .await();
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        long id = created.bodyAsJsonObject().getJsonObject("project").getLong("id");
        assertThat(created.bodyAsJsonObject().getJsonArray("results").getJsonObject(1).getString("result"))
            .isEqualTo("unknown_user");

        JsonArray samsProjects = http.get(port(rooms), "127.0.0.1", "/api/projects")
            .bearerTokenAuthentication(member).send().await().bodyAsJsonArray();
        assertThat(samsProjects.stream().map(p -> ((JsonObject) p).getLong("id"))).contains(id);

        HttpResponse<Buffer> refused = http.post(port(rooms), "127.0.0.1", "/api/projects/" + id + "/members")
            .bearerTokenAuthentication(outsider).sendJsonObject(new JsonObject().put("usernames", "tom")).await();
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("NOT_MEMBER");

        Eventually.assertThat(() -> assertThat(seen).anySatisfy(event -> {
            assertThat(event.getString("type")).isEqualTo("project_created");
            assertThat(event.getLong("projectId")).isEqualTo(id);
            assertThat(event.getJsonArray("members").size()).isEqualTo(2);
        }));

        JsonObject membership = observer.runtime().vertx().eventBus().<JsonObject>request(
            BusAddresses.ROOM_MEMBERSHIP, new JsonObject().put("projectId", id)
                .put("userId", created.bodyAsJsonObject().getJsonObject("project").getJsonObject("owner")
                    .getLong("id"))).await().body();
        assertThat(membership.getString("role")).isEqualTo("owner");
    }

    private static int port(RunningService service) {
        return service.runtime().config().httpPort();
    }

    private static String registerAndLogin(String username) {
        JsonObject account = new JsonObject().put("username", username).put("email", username + "@example.com")
            .put("password", "violet-anchor-93-drum");
        http.post(port(auth), "127.0.0.1", "/api/auth/register").sendJsonObject(account).await();
        return http.post(port(auth), "127.0.0.1", "/api/auth/login").sendJsonObject(account).await()
            .bodyAsJsonObject().getString("token");
    }
}
