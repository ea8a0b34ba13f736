package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.chat.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live connections, on the line protocol and on WebSocket, on two chat-service instances, stop
 * receiving room events and direct messages the moment their token stops being valid (logout, a
 * role change), are told so, and have their next command refused; and a connection is one user.
 *
 * <p>"Stops receiving" is shown with markers: what is sent after the end never arrives, while a
 * marker sent after the connection logged in again (and so after the message) arrives first.
 */
@ExtendWith(VertxExtension.class)
class SessionsEndTest {

    @TempDir
    static Path root;
    static ChatCluster cluster;
    static WebClient http;
    static String adminToken;

    @BeforeAll
    static void start(Vertx vertx) {
        cluster = ChatCluster.start(root, Clock.systemUTC(), Map.of("HUDDLE_AUTH_ADMIN_USERNAME", "s_admin"), Map.of());
        http = WebClient.create(vertx);
        try (LineClient line = LineClient.connect(cluster.linePortA)) {
            line.ok("reg s_admin violet-anchor-93-drum"); // named admin by configuration
            adminToken = line.ok("login s_admin violet-anchor-93-drum").getString("token");
        }
    }

    @AfterAll
    static void stop() {
        http.close();
        cluster.close();
    }

    @Test
    void logoutEndsTheTokensLiveConnectionsOnTcpAndWebSocketAtOnce(Vertx vertx) {
        try (LineClient owner = LineClient.connect(cluster.linePortB);
             LineClient line = LineClient.connect(cluster.linePortA);
             WsConnection ws = WsConnection.connect(vertx, cluster.httpPort(cluster.chatB))) {
            String to = register(owner, "lo_owner");
            register(owner, "lo_alice");
            String ta = line.ok("login lo_alice violet-anchor-93-drum").getString("token");
            long room = owner.ok("new_project " + to + " logout room").getJsonObject("project").getLong("id");
            owner.ok("add_group " + to + " " + room + " lo_alice");
            line.ok("join " + ta + " " + room);
            ws.ok(new JsonObject().put("command", "auth").put("token", ta));
            ws.ok(new JsonObject().put("command", "join").put("projectId", room));

            JsonObject out = http.post(cluster.httpPort(cluster.auth), "127.0.0.1", "/api/auth/logout")
                .bearerTokenAuthentication(ta).send().await().bodyAsJsonObject();
            assertThat(out.getBoolean("loggedOut")).isTrue();

            assertThat(line.awaitEvent(e -> e.type().equals("session_ended")).json().getString("reason"))
                .isEqualTo("revoked");
            assertThat(ws.awaitEvent("session_ended").getString("reason")).isEqualTo("revoked");
            owner.ok("chat " + to + " " + room + " after logout");
            owner.ok("dm " + to + " lo_alice dm after logout");
            assertThat(line.send("chat " + ta + " " + room + " still me?")).startsWith("ERR chat INVALID_TOKEN ");
            JsonObject refused = ws.send(new JsonObject().put("command", "chat").put("projectId", room).put("text", "x"));
            assertThat(refused.getJsonObject("error").getString("code")).isEqualTo("INVALID_TOKEN");

            String again = line.ok("login lo_alice violet-anchor-93-drum").getString("token");
            line.ok("join " + again + " " + room);
            ws.ok(new JsonObject().put("command", "auth").put("token", again));
            ws.ok(new JsonObject().put("command", "join").put("projectId", room));
            owner.ok("chat " + to + " " + room + " marker");
            owner.ok("dm " + to + " lo_alice dm marker");
            assertThat(firstOf(line, "chat")).isEqualTo("marker");
            assertThat(firstOf(line, "dm")).isEqualTo("dm marker");
            assertThat(ws.awaitEvent("chat").getString("text")).isEqualTo("marker");
            assertThat(ws.awaitEvent("dm").getString("text")).isEqualTo("dm marker");
        }
    }

    @Test
    void aRoleChangeRevokesTheUsersTokensSoADemotedAdminLosesAdminAtOnce(Vertx vertx) {
        try (LineClient line = LineClient.connect(cluster.linePortA);
             WsConnection ws = WsConnection.connect(vertx, cluster.httpPort(cluster.chatB))) {
            long carolId = line.ok("reg rc_carol violet-anchor-93-drum").getLong("id");
            setRole(carolId, "admin");
            String tc = line.ok("login rc_carol violet-anchor-93-drum").getString("token");
            assertThat(adminUsers(tc)).isEqualTo(200);
            long room = line.ok("new_project " + tc + " carol's room").getJsonObject("project").getLong("id");
            line.ok("join " + tc + " " + room);
            ws.ok(new JsonObject().put("command", "auth").put("token", tc));

            setRole(carolId, "user");

            assertThat(line.awaitEvent(e -> e.type().equals("session_ended")).json().getString("reason"))
                .isEqualTo("revoked");
            assertThat(ws.awaitEvent("session_ended").getString("reason")).isEqualTo("revoked");
            assertThat(adminUsers(tc)).isEqualTo(401);
            assertThat(line.send("whoami " + tc)).startsWith("ERR whoami INVALID_TOKEN ");
            String fresh = line.ok("login rc_carol violet-anchor-93-drum").getString("token");
            assertThat(line.ok("whoami " + fresh).getString("role")).isEqualTo("user");
            assertThat(adminUsers(fresh)).isEqualTo(403);
        }
    }

    @Test
    void aConnectionUsedWithASecondAccountsTokenLeavesTheFirstAccountsRoomsSoAKickStillCounts() {
        try (LineClient owner = LineClient.connect(cluster.linePortB);
             LineClient shared = LineClient.connect(cluster.linePortA)) {
            String to = register(owner, "rb_owner");
            register(owner, "rb_dave");
            register(owner, "rb_erin");
            String td = shared.ok("login rb_dave violet-anchor-93-drum").getString("token");
            String te;
            try (LineClient other = LineClient.connect(cluster.linePortA)) {
                te = other.ok("login rb_erin violet-anchor-93-drum").getString("token");
            }
            long davesRoom = owner.ok("new_project " + to + " dave's room").getJsonObject("project").getLong("id");
            long erinsRoom = owner.ok("new_project " + to + " erin's room").getJsonObject("project").getLong("id");
            owner.ok("add_group " + to + " " + davesRoom + " rb_dave");
            owner.ok("add_group " + to + " " + erinsRoom + " rb_erin");
            shared.ok("join " + td + " " + davesRoom);

            assertThat(shared.ok("whoami " + te).getString("username")).isEqualTo("rb_erin");
            owner.ok("kick " + to + " " + davesRoom + " rb_dave");
            owner.ok("chat " + to + " " + davesRoom + " dave is gone, and so is his connection");
            shared.ok("join " + te + " " + erinsRoom);
            owner.ok("chat " + to + " " + erinsRoom + " marker");

            assertThat(firstOf(shared, "chat")).isEqualTo("marker");
        }
    }

    private static String register(LineClient client, String username) {
        client.ok("reg " + username + " violet-anchor-93-drum");
        return client.ok("login " + username + " violet-anchor-93-drum").getString("token");
    }

    private static String firstOf(LineClient client, String type) {
        Reply.Event event = client.awaitEvent(e -> e.type().equals(type));
        return event.json().getString("text");
    }

    private static void setRole(long userId, String role) {
        var response = http.put(cluster.httpPort(cluster.auth), "127.0.0.1", "/api/admin/users/" + userId + "/role")
            .bearerTokenAuthentication(adminToken).sendJsonObject(new JsonObject().put("role", role)).await();
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    }

    private static int adminUsers(String token) {
        return http.get(cluster.httpPort(cluster.auth), "127.0.0.1", "/api/admin/users")
            .bearerTokenAuthentication(token).send().await().statusCode();
    }
}
