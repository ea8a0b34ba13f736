package dev.huddle.auth.http;

import static dev.huddle.auth.http.AuthHttpApiTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Roles and login throttling, each on a fresh auth-service so user counts and failures start at zero. */
@ExtendWith(VertxExtension.class)
class AdminAndRateLimitTest {

    @TempDir
    Path root;
    AuthServiceHarness auth;

    @AfterEach
    void stop() {
        auth.close();
    }

    @Test
    void theSetupCodeMakesTheAdminWhoMayListUsersAndChangeRoles(Vertx vertx) {
        auth = AuthServiceHarness.start(vertx, root, Map.of());
        String admin = auth.adminTokenFor("root_user");
        String user = auth.tokenFor("plain_user");

        HttpResponse<Buffer> users = auth.get("/api/admin/users", admin);
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(users.bodyAsJsonArray().getJsonObject(0).getString("role")).isEqualTo("admin");
        assertThat(users.bodyAsJsonArray().getJsonObject(1).getString("role")).isEqualTo("user");
        assertRefused(auth.get("/api/admin/users", user), 403, "FORBIDDEN");

        long plainId = users.bodyAsJsonArray().getJsonObject(1).getLong("id");
        HttpResponse<Buffer> promoted = auth.client.put("/api/admin/users/" + plainId + "/role")
            .bearerTokenAuthentication(admin).sendJsonObject(new JsonObject().put("role", "admin")).await();
        assertThat(promoted.bodyAsJsonObject().getString("role")).isEqualTo("admin");
        HttpResponse<Buffer> badRole = auth.client.put("/api/admin/users/" + plainId + "/role")
            .bearerTokenAuthentication(admin).sendJsonObject(new JsonObject().put("role", "king")).await();
        assertRefused(badRole, 400, "BAD_REQUEST");
        HttpResponse<Buffer> badId = auth.client.put("/api/admin/users/abc/role")
            .bearerTokenAuthentication(admin).sendJsonObject(new JsonObject().put("role", "user")).await();
        assertRefused(badId, 400, "BAD_REQUEST");
        HttpResponse<Buffer> unknown = auth.client.put("/api/admin/users/999/role")
            .bearerTokenAuthentication(admin).sendJsonObject(new JsonObject().put("role", "user")).await();
        assertRefused(unknown, 404, "UNKNOWN_USER");
    }

    @Test
    void lastAdminCannotBeDemoted(Vertx vertx) {
        auth = AuthServiceHarness.start(vertx, root, Map.of());
        String admin = auth.adminTokenFor("only_admin");
        long id = auth.get("/api/auth/me", admin).bodyAsJsonObject().getLong("id");
        HttpResponse<Buffer> demoted = auth.client.put("/api/admin/users/" + id + "/role")
            .bearerTokenAuthentication(admin).sendJsonObject(new JsonObject().put("role", "user")).await();
        assertRefused(demoted, 409, "CONFLICT");
    }

    @Test
    void configuredAdminUsernameIsAdminAndTheFirstUserIsNot(Vertx vertx) {
        auth = AuthServiceHarness.start(vertx, root, Map.of("HUDDLE_AUTH_ADMIN_USERNAME", "Boss"));
        assertThat(auth.register("early_bird", "e@example.com", "violet-anchor-93-drum").bodyAsJsonObject()
            .getString("role")).isEqualTo("user");
        assertThat(auth.register("boss", "b@example.com", "violet-anchor-93-drum").bodyAsJsonObject()
            .getString("role")).isEqualTo("admin");
    }

    @Test
    void fiveFailedLoginsThenRateLimitedEvenWithTheRightPassword(Vertx vertx) {
        auth = AuthServiceHarness.start(vertx, root, Map.of());
        auth.register("target", "t@example.com", "violet-anchor-93-drum");
        for (int i = 0; i < 5; i++) {
            assertRefused(auth.login("target", "wrong-password"), 401, "INVALID_CREDENTIALS");
        }
        HttpResponse<Buffer> limited = auth.login("TARGET", "violet-anchor-93-drum");
        assertRefused(limited, 429, "RATE_LIMITED");
        assertThat(limited.bodyAsJsonObject().getString("message")).contains("try again in");
    }

    @Test
    void parallelGuessesGetNoMoreTriesThanSequentialOnes(Vertx vertx) {
        auth = AuthServiceHarness.start(vertx, root, Map.of());
        auth.register("target", "t@example.com", "violet-anchor-93-drum");
        List<Future<HttpResponse<Buffer>>> guesses = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            guesses.add(auth.client.post("/api/auth/login")
                .sendJsonObject(new JsonObject().put("username", "target").put("password", "guess-" + i)));
        }
        Future.all(guesses).await();
        long checked = guesses.stream().filter(g -> g.result().statusCode() == 401).count();
        long limited = guesses.stream().filter(g -> g.result().statusCode() == 429).count();
        assertThat(checked).as("guesses whose password was checked").isEqualTo(5);
        assertThat(limited).isEqualTo(11);
    }
}
