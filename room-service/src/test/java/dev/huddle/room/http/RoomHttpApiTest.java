package dev.huddle.room.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.Role;
import dev.huddle.room.RoomConfig;
import dev.huddle.room.RoomDeployer;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.config.Env;
import dev.huddle.server.config.NodeConfig;
import dev.huddle.server.runtime.RunningService;
import dev.huddle.server.runtime.ServiceLauncher;
import dev.huddle.server.testing.Eventually;
import dev.huddle.server.testing.FakeAuth;
import dev.huddle.server.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** room-service's HTTP API on a temp SQLite file, with a fake auth-service neighbour on the bus. */
@ExtendWith(VertxExtension.class)
class RoomHttpApiTest {

    static final Instant NOW = Instant.parse("2024-10-30T09:15:02.114Z");

    @TempDir
    static Path root;
    static NodeConfig node;
    static RunningService rooms;
    static FakeAuth auth;
    static WebClient client;
    static String alice;
    static String bob;
    static String carol;
    static String zed;
    static String admin;
    static final List<JsonObject> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start(Vertx vertx) {
        node = new TestNodes(root).node("room-service", 0);
        rooms = ServiceLauncher.start(node, RoomConfig.read(Env.of(Map.of())), RoomDeployer::deploy,
            Clock.fixed(NOW, ZoneOffset.UTC)).await();
        auth = FakeAuth.deployNextTo(rooms.runtime());
        alice = auth.tokenFor(auth.addUser(1, "alice", Role.USER));
        bob = auth.tokenFor(auth.addUser(2, "bob", Role.USER));
        carol = auth.tokenFor(auth.addUser(3, "carol", Role.USER));
        zed = auth.tokenFor(auth.addUser(4, "zed", Role.USER));
        admin = auth.tokenFor(auth.addUser(9, "root", Role.ADMIN));
        MessageConsumer<JsonObject> listener = rooms.runtime().vertx().eventBus()
            .consumer(BusAddresses.ROOM_EVENTS, m -> events.add(m.body()));
        listener.completion().await();
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
            .setDefaultPort(node.httpPort()));
    }

    @AfterAll
    static void stop() {
        client.close();
        rooms.stop().await();
    }

    @Test
    void creatorOwnsTheProjectAndInitialMembersAreReportedOneByOne() {
        HttpResponse<Buffer> created = send(client.post("/api/projects"), alice,
            new JsonObject().put("name", "  Launch plan  ").put("members", "bob; carol, alice, ghost, BOB"));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        JsonObject body = created.bodyAsJsonObject();
        assertThat(body.getJsonObject("project").getString("name")).isEqualTo("Launch plan");
        assertThat(results(body)).containsExactly("bob=added", "carol=added", "alice=already_member",
            "ghost=unknown_user");
        assertThat(body.getJsonObject("project").getJsonArray("members")).hasSize(3);

        long id = body.getJsonObject("project").getLong("id");
        JsonArray bobs = send(client.get("/api/projects"), bob, null).bodyAsJsonArray();
        assertThat(bobs.stream().map(JsonObject.class::cast).filter(p -> p.getLong("id") == id))
            .singleElement().satisfies(p -> {
                assertThat(p.getString("myRole")).isEqualTo("member");
                assertThat(p.getInteger("memberCount")).isEqualTo(3);
            });
    }

    @Test
    void onlyTheOwnerOrAnAdminAddsMembers() {
        long id = createProject(alice, "Ownership", "");
        assertRefused(send(client.post("/api/projects/" + id + "/members"), zed,
            new JsonObject().put("usernames", "carol")), 403, "NOT_MEMBER");
        send(client.post("/api/projects/" + id + "/members"), alice, new JsonObject().put("usernames", List.of("bob")));
        assertRefused(send(client.post("/api/projects/" + id + "/members"), bob,
            new JsonObject().put("usernames", "carol")), 403, "NOT_OWNER");
        HttpResponse<Buffer> byAdmin = send(client.post("/api/projects/" + id + "/members"), admin,
            new JsonObject().put("usernames", "[carol, nobody]"));
        assertThat(results(byAdmin.bodyAsJsonObject())).containsExactly("carol=added", "nobody=unknown_user");
    }

    @Test
    void kickedMemberLosesAccessAndEveryChangeIsPublishedAsARoomEvent() {
        long id = createProject(alice, "Kick test", "bob");
        assertThat(send(client.delete("/api/projects/" + id + "/members/BOB"), alice, null).statusCode())
            .isEqualTo(200);
        assertRefused(send(client.get("/api/projects/" + id), bob, null), 403, "NOT_MEMBER");
        JsonObject membership = rooms.runtime().vertx().eventBus().<JsonObject>request(BusAddresses.ROOM_MEMBERSHIP,
            new JsonObject().put("projectId", id).put("userId", 2)).await().body();
        assertThat(membership.getBoolean("member")).isFalse();
        Eventually.assertThat(() -> assertThat(eventTypes(id)).containsSubsequence("project_created", "member_removed"));
    }

    @Test
    void ownerCannotLeaveButCanHandOverThenLeave() {
        long id = createProject(alice, "Handover", "bob");
        assertRefused(send(client.post("/api/projects/" + id + "/leave"), alice, null), 409, "CONFLICT");
        assertThat(send(client.put("/api/projects/" + id + "/owner"), alice,
            new JsonObject().put("username", "bob")).statusCode()).isEqualTo(200);
        assertThat(send(client.post("/api/projects/" + id + "/leave"), alice, null).statusCode()).isEqualTo(200);
        JsonObject project = send(client.get("/api/projects/" + id), bob, null).bodyAsJsonObject();
        assertThat(project.getJsonObject("owner").getString("username")).isEqualTo("bob");
        Eventually.assertThat(() -> assertThat(eventTypes(id)).containsSubsequence("owner_changed", "member_removed"));
    }

    @Test
    void renameAndDeleteAreTheOwners() {
        long id = createProject(alice, "Old name", "bob");
        assertRefused(send(client.patch("/api/projects/" + id), bob, new JsonObject().put("name", "x")),
            403, "NOT_OWNER");
        assertThat(send(client.patch("/api/projects/" + id), alice, new JsonObject().put("name", "New name"))
            .bodyAsJsonObject().getJsonObject("project").getString("name")).isEqualTo("New name");
        assertRefused(send(client.delete("/api/projects/" + id), bob, null), 403, "NOT_OWNER");
        assertThat(send(client.delete("/api/projects/" + id), alice, null).statusCode()).isEqualTo(200);
        assertRefused(send(client.get("/api/projects/" + id), alice, null), 404, "NOT_FOUND");
        Eventually.assertThat(() -> assertThat(eventTypes(id)).contains("project_renamed", "project_deleted"));
    }

    @Test
    void badInputGetsAStableCodeAndChangesNothing() {
        assertRefused(send(client.post("/api/projects"), alice, new JsonObject().put("name", "   ")), 400, "BAD_REQUEST");
        assertRefused(send(client.post("/api/projects"), alice, new JsonObject().put("name", "x".repeat(256))),
            400, "BAD_REQUEST");
        assertRefused(send(client.post("/api/projects"), alice, new JsonObject().put("members", "bob")),
            400, "BAD_REQUEST");
        assertRefused(send(client.get("/api/projects/abc"), alice, null), 400, "BAD_REQUEST");
        assertRefused(send(client.get("/api/projects/999999"), alice, null), 404, "NOT_FOUND");
        assertRefused(send(client.get("/api/projects"), null, null), 401, "INVALID_TOKEN");
        assertRefused(send(client.get("/api/projects"), "garbage.token.here", null), 401, "INVALID_TOKEN");
        assertThat(send(client.post("/api/projects"), alice, new JsonObject().put("name", "x".repeat(255)))
            .statusCode()).isEqualTo(201);
    }

    @Test
    void adminSeesEveryProjectOthersAreForbidden() {
        createProject(carol, "Carol's", "");
        JsonArray all = send(client.get("/api/admin/projects"), admin, null).bodyAsJsonArray();
        assertThat(all.stream().map(p -> ((JsonObject) p).getString("name"))).contains("Carol's");
        assertRefused(send(client.get("/api/admin/projects"), carol, null), 403, "FORBIDDEN");
    }

    @Test
    void requestsAreWrittenToTheActionLog() throws Exception {
        createProject(alice, "Logged", "bob");
        Path file = node.logDir().resolve("30_10_2024/new_project_log_30_10_2024.log");
        assertThat(Files.readString(file)).contains("ActionName: New project", "User: alice",
            "MessageRequest: POST /api/projects", "MessageResponse: 201 ");
    }

    static long createProject(String token, String name, String members) {
        HttpResponse<Buffer> created = send(client.post("/api/projects"), token,
            new JsonObject().put("name", name).put("members", members));
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        return created.bodyAsJsonObject().getJsonObject("project").getLong("id");
    }

    static HttpResponse<Buffer> send(HttpRequest<Buffer> request, String token, JsonObject body) {
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return (body == null ? request.send() : request.sendJsonObject(body)).await();
    }

    static List<String> results(JsonObject body) {
        return body.getJsonArray("results").stream().map(JsonObject.class::cast)
            .map(r -> r.getString("username") + "=" + r.getString("result")).toList();
    }

    static List<String> eventTypes(long projectId) {
        return events.stream().filter(e -> e.getLong("projectId") == projectId).map(e -> e.getString("type")).toList();
    }

    static void assertRefused(HttpResponse<Buffer> response, int status, String code) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo(code);
    }
}
