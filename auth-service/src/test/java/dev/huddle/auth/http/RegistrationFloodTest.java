package dev.huddle.auth.http;

import static dev.huddle.auth.http.AuthHttpApiTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registration cannot starve login: password hashing for each runs on a pool of its own, and one
 * address may register only so often. Also prints a real user's login latency with and without a
 * flood running (docs/benchmarks.md, "Login during a registration flood").
 */
@ExtendWith(VertxExtension.class)
class RegistrationFloodTest {

    private static final int FLOOD = 200;
    private static final int LOGINS = 5;

    @TempDir
    Path root;
    AuthServiceHarness auth;

    @AfterEach
    void stop() {
        auth.close();
    }

    @Test
    void aRealUserLogsInWhileARegistrationFloodIsStillQueued(Vertx vertx) {
        // limits lifted so the whole flood really queues: what is under test is the separate pool
        auth = AuthServiceHarness.start(vertx, root, Map.of(
            "HUDDLE_AUTH_REGISTRATIONS_PER_ADDRESS", "100000", "HUDDLE_AUTH_MAX_PENDING_REGISTRATIONS", "10000"));
        assertThat(auth.register("realuser", "real@example.com", "violet-anchor-93-drum").statusCode()).isEqualTo(201);
        long quietNanos = medianLogin();

        WebClient flooder = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
            .setDefaultPort(auth.node.httpPort()), new PoolOptions().setHttp1MaxSize(FLOOD));
        AtomicInteger registered = new AtomicInteger();
        List<Future<HttpResponse<Buffer>>> flood = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            flood.add(flooder.post("/api/auth/register").sendJsonObject(new JsonObject().put("username", "flood" + i)
                    .put("email", "flood" + i + "@example.com").put("password", "violet-anchor-93-drum"))
                .andThen(done -> registered.incrementAndGet()));
        }
        long floodedNanos = medianLogin();
        int doneWhenLoggedIn = registered.get();
        Future.all(flood).await();
        flooder.close();

        assertThat(doneWhenLoggedIn).as("registrations answered before the logins were").isLessThan(FLOOD / 2);
        assertThat(flood).allSatisfy(f -> assertThat(f.result().statusCode()).isEqualTo(201));
        System.out.printf("login latency (median of %d): quiet %.1f ms, during a flood of %d registrations %.1f ms"
                + " (x%.2f)%n", LOGINS,
            quietNanos / 1e6, FLOOD, floodedNanos / 1e6, (double) floodedNanos / quietNanos);
    }

    @Test
    void oneAddressMayRegisterOnlySoOften(Vertx vertx) {
        auth = AuthServiceHarness.start(vertx, root, Map.of("HUDDLE_AUTH_REGISTRATIONS_PER_ADDRESS", "3"));
        for (int i = 0; i < 3; i++) {
            assertThat(auth.register("user" + i, "u" + i + "@example.com", "violet-anchor-93-drum").statusCode()).isEqualTo(201);
        }
        assertRefused(auth.register("user3", "u3@example.com", "violet-anchor-93-drum"), 429, "RATE_LIMITED");
    }

    /** The median of {@value #LOGINS} logins, one after another, after one unmeasured warm-up login. */
    private long medianLogin() {
        timedLogin();
        long[] nanos = new long[LOGINS];
        for (int i = 0; i < LOGINS; i++) {
            nanos[i] = timedLogin();
        }
        java.util.Arrays.sort(nanos);
        return nanos[LOGINS / 2];
    }

    private long timedLogin() {
        long start = System.nanoTime();
        HttpResponse<Buffer> login = auth.login("realuser", "violet-anchor-93-drum");
        long elapsed = System.nanoTime() - start;
        assertThat(login.statusCode()).as(login.bodyAsString()).isEqualTo(200);
        return elapsed;
    }
}
