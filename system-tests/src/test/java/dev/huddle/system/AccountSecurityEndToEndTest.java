package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.auth.totp.Base32;
import dev.huddle.auth.totp.Totp;
import dev.huddle.contracts.chat.LineReply;
import dev.huddle.contracts.chat.Reply;
import dev.huddle.server.testing.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-factor login and password change through every front door, against the real services: the
 * line protocol on TCP ({@code login <user> <password> [<code>]}), WebSocket frames, auth-service's
 * HTTP API and huddle-cli. The cluster runs on a clock the test moves, so each login has a fresh
 * 30-second step of its own (a code works once).
 */
@ExtendWith(VertxExtension.class)
class AccountSecurityEndToEndTest {

    private static final String PASSWORD = "violet-anchor-93-drum";

    @TempDir
    static Path root;
    static final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T03:00:05Z"));
    static ChatCluster cluster;

    @BeforeAll
    static void start() {
        cluster = ChatCluster.start(root, clock, Map.of(), Map.of());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    /** The code an authenticator app shows now, in a step no earlier login used. */
    private static String nextCode(byte[] secret) {
        clock.advance(Totp.STEP);
        return Totp.code(secret, clock.instant());
    }

    private static String errorCode(String reply) {
        return ((Reply.Err) LineReply.parse(reply)).code().name();
    }

    @Test
    void withTwoFactorOnEveryFrontDoorWantsAFreshCode(Vertx vertx) {
        byte[] secret;
        try (LineClient line = LineClient.connect(cluster.linePortA)) {
            line.ok("reg totp_tina " + PASSWORD);
            String token = line.ok("login totp_tina " + PASSWORD).getString("token");
            JsonObject enrolment = line.ok("totp_enrol " + token);
            assertThat(enrolment.getString("otpauthUri")).startsWith("otpauth://totp/Huddle%3Atotp_tina?secret=");
            secret = Base32.decode(enrolment.getString("secret"));
            assertThat(line.ok("totp_confirm " + token + " " + Totp.code(secret, clock.instant()))
                .getJsonArray("recoveryCodes")).hasSize(10);

            // the line protocol: no code, a wrong code, the right code, the same code again
            assertThat(errorCode(line.send("login totp_tina " + PASSWORD))).isEqualTo("TOTP_REQUIRED");
            String code = nextCode(secret);
            assertThat(errorCode(line.send("login totp_tina " + PASSWORD + " 000000"))).isEqualTo("INVALID_CREDENTIALS");
            assertThat(line.ok("login totp_tina " + PASSWORD + " " + code).getString("token")).isNotBlank();
            assertThat(errorCode(line.send("login totp_tina " + PASSWORD + " " + code)))
                .isEqualTo("INVALID_CREDENTIALS");
        }

        try (WsConnection ws = WsConnection.connect(vertx, cluster.httpPort(cluster.chatB))) {
            JsonObject login = new JsonObject().put("command", "login").put("username", "totp_tina")
                .put("password", PASSWORD);
            assertThat(ws.send(login).getJsonObject("error").getString("code")).isEqualTo("TOTP_REQUIRED");
            assertThat(ws.ok(login.copy().put("totp", nextCode(secret))).getString("token")).isNotBlank();
        }

        WebClient http = WebClient.create(vertx);
        try {
            JsonObject body = new JsonObject().put("username", "totp_tina").put("password", PASSWORD);
            HttpResponse<Buffer> refused = http.post(cluster.httpPort(cluster.auth), "127.0.0.1", "/api/auth/login")
                .sendJsonObject(body).await();
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("TOTP_REQUIRED");
            HttpResponse<Buffer> ok = http.post(cluster.httpPort(cluster.auth), "127.0.0.1", "/api/auth/login")
                .sendJsonObject(body.copy().put("totp", nextCode(secret))).await();
            assertThat(ok.statusCode()).as(ok.bodyAsString()).isEqualTo(200);
        } finally {
            http.close();
        }

        Path home = root.resolve("home-tina");
        CliEndToEndTest.Run withoutCode = CliEndToEndTest.cli(home, cluster.linePortA, "", "login", "totp_tina", PASSWORD);
        assertThat(withoutCode.status()).isEqualTo(1);
        assertThat(withoutCode.err()).contains("TOTP_REQUIRED");
        CliEndToEndTest.Run withCode = CliEndToEndTest.cli(home, cluster.linePortA, PASSWORD + "\n", "login",
            "totp_tina", "-", nextCode(secret));
        assertThat(withCode.status()).as(withCode.err()).isZero();
        assertThat(CliEndToEndTest.cli(home, cluster.linePortA, "", "whoami").out()).contains("totp_tina");

        // off again: with the password and a code, through the CLI
        CliEndToEndTest.Run off = CliEndToEndTest.cli(home, cluster.linePortA, "", "totp-disable", PASSWORD,
            nextCode(secret));
        assertThat(off.status()).as(off.err()).isZero();
        try (LineClient line = LineClient.connect(cluster.linePortB)) {
            assertThat(line.ok("login totp_tina " + PASSWORD).getString("token")).isNotBlank();
        }
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsAtOnce(Vertx vertx) {
        try (LineClient here = LineClient.connect(cluster.linePortA);
             LineClient there = LineClient.connect(cluster.linePortB);
             WsConnection ws = WsConnection.connect(vertx, cluster.httpPort(cluster.chatA))) {
            here.ok("reg pat_change " + PASSWORD);
            String mine = here.ok("login pat_change " + PASSWORD).getString("token");
            long room = here.ok("new_project " + mine + " Passwords").getJsonObject("project").getLong("id");
            String theirs = there.ok("login pat_change " + PASSWORD).getString("token");
            there.ok("join " + theirs + " " + room);
            ws.ok(new JsonObject().put("command", "login").put("username", "pat_change").put("password", PASSWORD));

            assertThat(errorCode(here.send("passwd " + mine + " wrong-password plum-orbit-lantern")))
                .isEqualTo("INVALID_CREDENTIALS");
            assertThat(errorCode(here.send("passwd " + mine + " " + PASSWORD + " password123")))
                .isEqualTo("WEAK_PASSWORD");
            JsonObject changed = here.ok("passwd " + mine + " " + PASSWORD + " plum-orbit-lantern");
            assertThat(changed.getInteger("tokensRevoked")).isEqualTo(2);

            assertThat(there.awaitEvent(e -> e.type().equals("session_ended")).json().getString("reason"))
                .isEqualTo("revoked");
            assertThat(ws.awaitEvent("session_ended").getString("reason")).isEqualTo("revoked");
            assertThat(errorCode(there.send("projects " + theirs))).isEqualTo("INVALID_TOKEN");
            assertThat(here.ok("projects " + mine)).isNotNull();
            assertThat(errorCode(here.send("login pat_change " + PASSWORD))).isEqualTo("INVALID_CREDENTIALS");
            assertThat(here.ok("login pat_change plum-orbit-lantern").getString("token")).isNotBlank();
        }
    }
}
