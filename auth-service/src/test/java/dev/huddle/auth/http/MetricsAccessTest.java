package dev.huddle.auth.http;

import static dev.huddle.auth.http.AuthHttpApiTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} is private: loopback callers only by default, or whoever shows
 * {@code HUDDLE_METRICS_TOKEN}. The same handler guards every service's {@code /metrics}
 * ({@code OpsRoutes}); {@code /health} stays open for load balancers and healthchecks.
 */
@ExtendWith(VertxExtension.class)
class MetricsAccessTest {

    private static final String SCRAPE_TOKEN = "scrape-token-0123456789abcdef";

    @Test
    void withoutATokenMetricsAnswerLoopbackCallersOnly(Vertx vertx, @TempDir Path root) throws Exception {
        InetAddress outside = nonLoopbackAddress().orElse(null);
        Assumptions.assumeTrue(outside != null, "needs a network interface besides loopback");
        try (AuthServiceHarness auth = AuthServiceHarness.start(vertx, root, Map.of(),
                Map.of("HUDDLE_HTTP_HOST", "0.0.0.0"))) {
            assertThat(auth.get("/metrics", null).bodyAsString()).contains("jvm_memory_used_bytes");

            WebClient fromOutside = WebClient.create(vertx);
            int port = auth.node.httpPort();
            String host = outside.getHostAddress();
            assertRefused(fromOutside.get(port, host, "/metrics").send().await(), 403, "FORBIDDEN");
            assertThat(fromOutside.get(port, host, "/health").send().await().statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withATokenMetricsNeedItFromAnywhere(Vertx vertx, @TempDir Path root) {
        try (AuthServiceHarness auth = AuthServiceHarness.start(vertx, root, Map.of(),
                Map.of("HUDDLE_METRICS_TOKEN", SCRAPE_TOKEN))) {
            assertRefused(auth.get("/metrics", null), 403, "FORBIDDEN");
            assertRefused(auth.get("/metrics", SCRAPE_TOKEN + "x"), 403, "FORBIDDEN");
            HttpResponse<Buffer> scraped = auth.get("/metrics", SCRAPE_TOKEN);
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.bodyAsString()).contains("jvm_memory_used_bytes");
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
            .filter(nic -> {
                try {
                    return nic.isUp() && !nic.isLoopback();
                } catch (SocketException e) {
                    return false;
                }
            })
            .flatMap(NetworkInterface::inetAddresses)
            .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
            .findFirst();
    }
}
