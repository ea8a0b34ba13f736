package dev.huddle.auth.http;

import dev.huddle.auth.AuthConfig;
import dev.huddle.auth.AuthDeployer;
import dev.huddle.auth.account.AdminSetup;
import dev.huddle.server.config.Env;
import dev.huddle.server.config.NodeConfig;
import dev.huddle.server.runtime.RunningService;
import dev.huddle.server.runtime.ServiceLauncher;
import dev.huddle.server.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A real auth-service (clustered node, temp SQLite file, temp action log) and a web client that
 * talks to it over HTTP, for the service tests.
 */
final class AuthServiceHarness implements AutoCloseable {

    /** Every test clock starts at the moment of the brief's sample log block. */
    static final Instant NOW = Instant.parse("2024-10-30T09:15:02.114Z");

    final NodeConfig node;
    final RunningService service;
    final WebClient client;

    private AuthServiceHarness(NodeConfig node, RunningService service, WebClient client) {
        this.node = node;
        this.service = service;
        this.client = client;
    }

    static AuthServiceHarness start(Vertx clientVertx, Path root, Map<String, String> authEnv) {
        return start(clientVertx, root, authEnv, Map.of(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** @param nodeEnv common node settings replacing the test defaults (e.g. the HTTP bind address) */
    static AuthServiceHarness start(Vertx clientVertx, Path root, Map<String, String> authEnv,
                                    Map<String, String> nodeEnv) {
        return start(clientVertx, root, authEnv, nodeEnv, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static AuthServiceHarness start(Vertx clientVertx, Path root, Map<String, String> authEnv, Clock clock) {
        return start(clientVertx, root, authEnv, Map.of(), clock);
    }

    private static AuthServiceHarness start(Vertx clientVertx, Path root, Map<String, String> authEnv,
                                            Map<String, String> nodeEnv, Clock clock) {
        NodeConfig node = new TestNodes(root).node("auth-service", 0, nodeEnv);
        AuthConfig config = AuthConfig.read(Env.of(authEnv));
        RunningService service = ServiceLauncher.start(node, config, AuthDeployer::deploy, clock).await();
        WebClient client = WebClient.create(clientVertx, new WebClientOptions()
            .setDefaultHost("127.0.0.1").setDefaultPort(node.httpPort()));
        return new AuthServiceHarness(node, service, client);
    }

    HttpResponse<Buffer> post(String path, JsonObject body) {
        return client.post(path).sendJsonObject(body).await();
    }

    HttpResponse<Buffer> post(String path, JsonObject body, String token) {
        return client.post(path).bearerTokenAuthentication(token).sendJsonObject(body).await();
    }

    HttpResponse<Buffer> get(String path, String token) {
        var request = client.get(path);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return request.send().await();
    }

    HttpResponse<Buffer> register(String username, String email, String password) {
        return post("/api/auth/register", new JsonObject()
            .put("username", username).put("email", email).put("password", password));
    }

    HttpResponse<Buffer> login(String username, String password) {
        return post("/api/auth/login", new JsonObject().put("username", username).put("password", password));
    }

    /** The one-time setup code the service wrote at start, or null when there is none. */
    String setupCode() {
        Path file = node.dataDir().resolve(AdminSetup.FILE);
        try {
            return Files.exists(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers with the setup code (so as the admin) and logs in; returns the token. */
    String adminTokenFor(String username) {
        HttpResponse<Buffer> registered = post("/api/auth/register", new JsonObject().put("username", username)
            .put("email", username + "@example.com").put("password", "correct horse battery")
            .put("setupCode", setupCode()));
        if (registered.statusCode() != 201) {
            throw new IllegalStateException("admin registration refused: " + registered.bodyAsString());
        }
        return login(username, "correct horse battery").bodyAsJsonObject().getString("token");
    }

    /** Registers and logs in; returns the token. */
    String tokenFor(String username) {
        register(username, username + "@example.com", "correct horse battery");
        return login(username, "correct horse battery").bodyAsJsonObject().getString("token");
    }

    @Override
    public void close() {
        client.close();
        service.stop().await();
    }
}
