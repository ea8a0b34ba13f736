package dev.huddle.auth.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.auth.account.AdminSetup;
import dev.huddle.auth.totp.Base32;
import dev.huddle.auth.totp.Totp;
import dev.huddle.server.testing.Eventually;
import dev.huddle.server.testing.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account-security rules of issue 12 against a real auth-service over HTTP: the first admin
 * claims the server with the setup code, new passwords are checked for strength, a password change
 * needs the current one and ends every other session, and TOTP two-factor login.
 */
@ExtendWith(VertxExtension.class)
class AccountSecurityTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path root;
    final MutableClock clock = new MutableClock(AuthServiceHarness.NOW);
    AuthServiceHarness auth;

    @BeforeEach
    void start(Vertx vertx) {
        auth = AuthServiceHarness.start(vertx, root, Map.of(), clock);
    }

    @AfterEach
    void stop() {
        auth.close();
    }

    private static void assertRefused(HttpResponse<Buffer> response, int status, String code) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo(code);
    }

    private HttpResponse<Buffer> registerWithCode(String username, String code) {
        return auth.post("/api/auth/register", new JsonObject().put("username", username)
            .put("email", username + "@example.com").put("password", PASSWORD).put("setupCode", code));
    }

    private HttpResponse<Buffer> login(String username, String password, String totp) {
        return auth.post("/api/auth/login", new JsonObject().put("username", username).put("password", password)
            .put("totp", totp));
    }

    @Test
    void theFirstToRegisterIsNotAdminOnlyTheHolderOfTheSetupCodeIs() {
        String code = auth.setupCode();
        assertThat(code).isNotNull();
        assertThat(auth.register("mallory", "m@example.com", PASSWORD).bodyAsJsonObject().getString("role"))
            .isEqualTo("user");
        assertRefused(registerWithCode("mallory2", "AAAAA-AAAAA-AAAAA-AAAAA"), 403, "INVALID_SETUP_CODE");

        HttpResponse<Buffer> owner = registerWithCode("owner", code);
        assertThat(owner.statusCode()).isEqualTo(201);
        assertThat(owner.bodyAsJsonObject().getString("role")).isEqualTo("admin");
        assertThat(auth.node.dataDir().resolve(AdminSetup.FILE)).doesNotExist();
        assertRefused(registerWithCode("second", code), 403, "INVALID_SETUP_CODE");
        assertThat(auth.login("second", PASSWORD).statusCode()).as("the refused registration made nothing").isEqualTo(401);
    }

    @Test
    void weakPasswordsAreRefusedOnRegistrationAndOnChange() {
        assertRefused(auth.register("weakling", "w@example.com", "password123"), 400, "WEAK_PASSWORD");
        assertRefused(auth.register("weakling", "w@example.com", "weakling2026"), 400, "WEAK_PASSWORD");
        String token = auth.tokenFor("weakling");
        assertRefused(auth.post("/api/auth/password", new JsonObject().put("currentPassword", PASSWORD)
            .put("newPassword", "qwertyuiop"), token), 400, "WEAK_PASSWORD");
        assertThat(auth.login("weakling", PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordChangeNeedsTheCurrentOneAndEndsEveryOtherSession() {
        String here = auth.tokenFor("carol");
        String elsewhere = auth.login("carol", PASSWORD).bodyAsJsonObject().getString("token");
        JsonObject wrong = new JsonObject().put("currentPassword", "not my password").put("newPassword", "plum orbit lantern");
        assertRefused(auth.post("/api/auth/password", wrong, here), 401, "INVALID_CREDENTIALS");
        assertThat(auth.get("/api/auth/me", elsewhere).statusCode()).as("a refused change revokes nothing").isEqualTo(200);

        HttpResponse<Buffer> changed = auth.post("/api/auth/password", new JsonObject()
            .put("currentPassword", PASSWORD).put("newPassword", "plum orbit lantern"), here);
        assertThat(changed.statusCode()).as(changed.bodyAsString()).isEqualTo(200);
        assertThat(changed.bodyAsJsonObject()).isEqualTo(new JsonObject().put("passwordChanged", true)
            .put("tokensRevoked", 1));
        assertRefused(auth.get("/api/auth/me", elsewhere), 401, "INVALID_TOKEN");
        assertThat(auth.get("/api/auth/me", here).statusCode()).isEqualTo(200);
        assertRefused(auth.login("carol", PASSWORD), 401, "INVALID_CREDENTIALS");
        assertThat(auth.login("carol", "plum orbit lantern").statusCode()).isEqualTo(200);
        assertRefused(auth.post("/api/auth/password", new JsonObject().put("currentPassword", "plum orbit lantern")
            .put("newPassword", "another fine phrase")), 401, "INVALID_TOKEN");
    }

    @Test
    void withTwoFactorOnALoginNeedsAFreshCodeOrARecoveryCode() {
        String token = auth.tokenFor("dave");
        assertThat(auth.get("/api/auth/totp", token).bodyAsJsonObject().getBoolean("enabled")).isFalse();
        JsonObject enrolment = auth.post("/api/auth/totp", new JsonObject(), token).bodyAsJsonObject();
        assertThat(enrolment.getString("otpauthUri")).startsWith("otpauth://totp/Huddle%3Adave?secret=");
        byte[] secret = Base32.decode(enrolment.getString("secret"));

        HttpResponse<Buffer> confirmed = auth.post("/api/auth/totp/confirm",
            new JsonObject().put("totp", Totp.code(secret, clock.instant())), token);
        assertThat(confirmed.statusCode()).as(confirmed.bodyAsString()).isEqualTo(200);
        List<Object> recovery = confirmed.bodyAsJsonObject().getJsonArray("recoveryCodes").getList();
        assertThat(recovery).hasSize(10);

        assertRefused(auth.login("dave", PASSWORD), 401, "TOTP_REQUIRED");
        assertRefused(login("dave", "wrong password", null), 401, "INVALID_CREDENTIALS");
        clock.advance(Totp.STEP);
        String code = Totp.code(secret, clock.instant());
        assertRefused(login("dave", "wrong password", code), 401, "INVALID_CREDENTIALS");
        assertThat(login("dave", PASSWORD, code).statusCode()).isEqualTo(200);
        assertRefused(login("dave", PASSWORD, code), 401, "INVALID_CREDENTIALS"); // replayed
        assertThat(login("dave", PASSWORD, (String) recovery.get(0)).statusCode()).isEqualTo(200);
        assertRefused(login("dave", PASSWORD, (String) recovery.get(0)), 401, "INVALID_CREDENTIALS");

        assertRefused(auth.post("/api/auth/totp/disable", new JsonObject().put("password", PASSWORD)
            .put("totp", "000000"), token), 401, "INVALID_CREDENTIALS");
        clock.advance(Totp.STEP);
        HttpResponse<Buffer> off = auth.post("/api/auth/totp/disable", new JsonObject().put("password", PASSWORD)
            .put("totp", Totp.code(secret, clock.instant())), token);
        assertThat(off.statusCode()).as(off.bodyAsString()).isEqualTo(200);
        assertThat(auth.login("dave", PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void codeGuessesAreThrottledLikePasswordGuesses() {
        String token = auth.tokenFor("erin");
        JsonObject enrolment = auth.post("/api/auth/totp", new JsonObject(), token).bodyAsJsonObject();
        byte[] secret = Base32.decode(enrolment.getString("secret"));
        auth.post("/api/auth/totp/confirm", new JsonObject().put("totp", Totp.code(secret, clock.instant())), token);
        // the default limit is 5 failures per account; a right password with a wrong code is a failure
        for (int i = 0; i < 5; i++) {
            assertRefused(login("erin", PASSWORD, String.format("%06d", i)), 401, "INVALID_CREDENTIALS");
        }
        // even the right code (the next step's, inside the drift window) waits out the back-off
        assertRefused(login("erin", PASSWORD, Totp.code(secret, clock.instant().plus(Totp.STEP))), 429, "RATE_LIMITED");
    }

    @Test
    void secretsAndCodesStayOutOfTheActionLog() throws Exception {
        String token = auth.tokenFor("frank");
        JsonObject enrolment = auth.post("/api/auth/totp", new JsonObject(), token).bodyAsJsonObject();
        byte[] secret = Base32.decode(enrolment.getString("secret"));
        String code = Totp.code(secret, clock.instant());
        List<Object> recovery = auth.post("/api/auth/totp/confirm", new JsonObject().put("totp", code), token)
            .bodyAsJsonObject().getJsonArray("recoveryCodes").getList();
        auth.post("/api/auth/password", new JsonObject().put("currentPassword", PASSWORD)
            .put("newPassword", "plum orbit lantern"), token);
        // the log is written behind the answers: wait until the last block is there
        Eventually.assertThat(() -> assertThat(actionLog()).contains("ActionType: change_password"));
        assertThat(actionLog()).contains("ActionType: totp_enrol", "ActionType: totp_confirm")
            .doesNotContain(enrolment.getString("secret"), PASSWORD, "plum orbit lantern", (String) recovery.get(0),
                "\"" + code + "\"");
    }

    private String actionLog() {
        StringBuilder all = new StringBuilder();
        try (var files = Files.walk(auth.node.logDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(file));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return all.toString();
    }
}
