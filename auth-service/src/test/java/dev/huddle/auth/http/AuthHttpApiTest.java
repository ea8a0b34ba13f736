package dev.huddle.auth.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** auth-service's HTTP API end to end: a real clustered service on a temp SQLite file. */
@ExtendWith(VertxExtension.class)
class AuthHttpApiTest {

    @TempDir
    static Path root;
    static AuthServiceHarness auth;

    @BeforeAll
    static void start(Vertx vertx) {
        auth = AuthServiceHarness.start(vertx, root, Map.of());
    }

    @AfterAll
    static void stop() {
        auth.close();
    }

    @Test
    void registeredUserLogsInAndTheTokenOpensMe() {
        HttpResponse<Buffer> registered = auth.register("Alice", "alice@example.com", "correct horse battery");
        assertThat(registered.statusCode()).isEqualTo(201);
        assertThat(registered.bodyAsJsonObject().getString("username")).isEqualTo("Alice");
        assertThat(registered.bodyAsJsonObject().containsKey("password_hash")).isFalse();

        HttpResponse<Buffer> login = auth.login("alice", "correct horse battery");
        assertThat(login.statusCode()).isEqualTo(200);
        JsonObject body = login.bodyAsJsonObject();
        assertThat(body.getString("tokenType")).isEqualTo("Bearer");
        assertThat(body.getJsonObject("user").getString("username")).isEqualTo("Alice");

        HttpResponse<Buffer> me = auth.get("/api/auth/me", body.getString("token"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.bodyAsJsonObject().getString("email")).isEqualTo("alice@example.com");
    }

    @Test
    void usernameIsTakenWhateverItsCase() {
        assertThat(auth.register("bob_k", "bob@example.com", "violet-anchor-93-drum").statusCode()).isEqualTo(201);
        HttpResponse<Buffer> again = auth.register("BOB_K", "other@example.com", "violet-anchor-93-drum");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.bodyAsJsonObject().getString("code")).isEqualTo("USERNAME_TAKEN");
        HttpResponse<Buffer> sameEmail = auth.register("bob_2", "Bob@Example.com", "violet-anchor-93-drum");
        assertThat(sameEmail.bodyAsJsonObject().getString("code")).isEqualTo("EMAIL_TAKEN");
    }

    @Test
    void badInputIsRefusedWithACodeAndCreatesNothing() {
        assertRefused(auth.register("ab", "ab@example.com", "violet-anchor-93-drum"), 400, "BAD_REQUEST");
        assertRefused(auth.register("bad name", "x@example.com", "violet-anchor-93-drum"), 400, "BAD_REQUEST");
        assertRefused(auth.register("carol", "not-an-email", "violet-anchor-93-drum"), 400, "BAD_REQUEST");
        assertRefused(auth.register("carol", "carol@example.com", "short"), 400, "BAD_REQUEST");
        assertRefused(auth.post("/api/auth/register", new JsonObject().put("username", 42)), 400, "BAD_REQUEST");
        assertRefused(auth.client.post("/api/auth/register").putHeader("content-type", "application/json")
                .sendBuffer(Buffer.buffer("{not json")).await(),
            400, "BAD_REQUEST");
        assertRefused(auth.client.post("/api/auth/register").send().await(), 400, "BAD_REQUEST");
        // none of the refused attempts took the name
        assertThat(auth.register("carol", "carol@example.com", "violet-anchor-93-drum").statusCode()).isEqualTo(201);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        auth.register("dave", "dave@example.com", "violet-anchor-93-drum");
        HttpResponse<Buffer> wrong = auth.login("dave", "password124");
        HttpResponse<Buffer> unknown = auth.login("nobody_here", "violet-anchor-93-drum");
        assertRefused(wrong, 401, "INVALID_CREDENTIALS");
        assertRefused(unknown, 401, "INVALID_CREDENTIALS");
        assertThat(wrong.bodyAsJsonObject().getString("message"))
            .isEqualTo(unknown.bodyAsJsonObject().getString("message"));
    }

    @Test
    void afterLogoutTheTokenIsRefused() {
        String token = auth.tokenFor("erin");
        assertThat(auth.get("/api/auth/me", token).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> logout = auth.post("/api/auth/logout", new JsonObject(), token);
        assertThat(logout.statusCode()).isEqualTo(200);
        assertRefused(auth.get("/api/auth/me", token), 401, "INVALID_TOKEN");
        assertRefused(auth.post("/api/auth/logout", new JsonObject(), token), 401, "INVALID_TOKEN");
    }

    @Test
    void missingOrForgedTokensAreRefused() {
        assertRefused(auth.get("/api/auth/me", null), 401, "INVALID_TOKEN");
        assertRefused(auth.get("/api/auth/me", "not.a.token"), 401, "INVALID_TOKEN");
        String token = auth.tokenFor("frank");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertRefused(auth.get("/api/auth/me", tampered), 401, "INVALID_TOKEN");
    }

    @Test
    void actionLogRecordsRequestAndResponseWithSecretsMasked() throws Exception {
        auth.register("grace", "grace@example.com", "s3cret-password");
        auth.login("grace", "s3cret-password");
        Path day = auth.node.logDir().resolve("30_10_2024");
        String reg = Files.readString(day.resolve("reg_log_30_10_2024.log"));
        assertThat(reg).contains("ActionName: Register", "ActionType: reg", "User: anonymous",
            "MessageRequest: POST /api/auth/register", "\"username\":\"grace\"", "MessageResponse: 201 {",
            "Timestamp: 2024-10-30T09:15:02.114Z");
        String login = Files.readString(day.resolve("login_log_30_10_2024.log"));
        assertThat(reg + login).doesNotContain("s3cret-password").contains("********");
        assertThat(login).doesNotContainPattern("eyJ[A-Za-z0-9_-]+\\.eyJ");
    }

    @Test
    void aLoginBodyThatIsNotJsonNeverReachesTheActionLog() throws Exception {
        HttpResponse<Buffer> form = auth.client.post("/api/auth/login")
            .putHeader("content-type", "application/x-www-form-urlencoded")
            .sendBuffer(Buffer.buffer("username=heidi&password=form-body-secret")).await();
        assertRefused(form, 415, "UNSUPPORTED_MEDIA_TYPE");
        HttpResponse<Buffer> escaped = auth.client.post("/api/auth/login").putHeader("content-type", "application/json").sendBuffer(
            Buffer.buffer("{\"username\":\"heidi\",\"pass\\u0077ord\":\"escaped-key-secret\"}")).await();
        assertThat(escaped.statusCode()).isEqualTo(401);
        String login = Files.readString(auth.node.logDir().resolve("30_10_2024").resolve("login_log_30_10_2024.log"));
        assertThat(login).contains("MessageRequest: POST /api/auth/login")
            .doesNotContain("form-body-secret", "escaped-key-secret");
    }

    @Test
    void routerErrorsAnswerTheJsonErrorShape() {
        assertRefused(auth.get("/api/no/such/path", null), 404, "NOT_FOUND");
        assertRefused(auth.client.delete("/api/auth/login").send().await(), 405, "METHOD_NOT_ALLOWED");
        assertRefused(auth.client.post("/api/auth/login").putHeader("content-type", "application/json")
            .sendBuffer(Buffer.buffer(new byte[2 * 1024 * 1024])).await(), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void requestsTheServerCannotDecodeAnswerTheJsonErrorShapeToo() throws Exception {
        // Netty reads 8 KiB of headers and a 4 KiB request line; past them the router never runs
        assertUndecodable("GET /api/auth/me HTTP/1.1\r\nHost: x\r\nx-padding: " + "a".repeat(16 * 1024) + "\r\n\r\n",
            431, "HEADERS_TOO_LARGE");
        assertUndecodable("GET /api/auth/me?q=" + "a".repeat(8 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            414, "URI_TOO_LONG");
    }

    /**
     * Sends {@code request} in one write on a plain socket and reads the answer to the end (HTTP/1.0
     * when the request line could not be read, so its version is unknown). The
     * server closes after answering; a request that reached it in pieces could still be arriving
     * then and turn the close into a reset that loses the answer, so the test sends it whole.
     */
    private void assertUndecodable(String request, int status, String code) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", auth.node.httpPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).as(answer).containsPattern("^HTTP/1\\.[01] " + status + " ");
            assertThat(answer.toLowerCase(Locale.ROOT)).contains("content-type: application/json");
            JsonObject body = new JsonObject(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertThat(body.getString("code")).isEqualTo(code);
            assertThat(body.getString("message")).isNotBlank();
        }
    }

    @Test
    void aMultipartBodyLeavesNoFileBehind() throws Exception {
        Path uploads = Path.of("file-uploads");
        long before = countFiles(uploads);
        String boundary = "huddleboundary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n" + "A".repeat(4096) + "\r\n--" + boundary + "--\r\n";
        HttpResponse<Buffer> answer = auth.client.post("/api/auth/register")
            .putHeader("content-type", "multipart/form-data; boundary=" + boundary)
            .sendBuffer(Buffer.buffer(multipart)).await();
        assertRefused(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(countFiles(uploads)).isEqualTo(before);
    }

    @Test
    void aNonAdminChangingARoleIsForbiddenWhateverTheRequest() {
        auth.register("someone_first", "first@example.com", "violet-anchor-93-drum"); // the first account is admin
        String token = auth.tokenFor("ivan_user");
        assertRefused(auth.client.put("/api/admin/users/abc/role").bearerTokenAuthentication(token)
            .sendJsonObject(new JsonObject().put("role", "admin")).await(), 403, "FORBIDDEN");
    }

    private static long countFiles(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        HttpResponse<Buffer> health = auth.get("/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.bodyAsJsonObject().getString("status")).isEqualTo("UP");
        assertThat(health.bodyAsJsonObject().getJsonObject("checks").getString("database")).isEqualTo("UP");
        assertThat(auth.get("/metrics", null).bodyAsString()).contains("jvm_memory_used_bytes");
        assertThat(auth.get("/openapi.yaml", null).bodyAsString()).contains("/api/auth/register");
    }

    static void assertRefused(HttpResponse<Buffer> response, int status, String code) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo(code);
        assertThat(response.bodyAsJsonObject().getString("message")).isNotBlank();
    }
}
