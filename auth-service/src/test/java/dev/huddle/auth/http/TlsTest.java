package dev.huddle.auth.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.auth.AuthConfig;
import dev.huddle.auth.AuthDeployer;
import dev.huddle.server.config.Env;
import dev.huddle.server.config.NodeConfig;
import dev.huddle.server.runtime.RunningService;
import dev.huddle.server.runtime.ServiceLauncher;
import dev.huddle.server.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** HUDDLE_TLS_CERT / HUDDLE_TLS_KEY switch the HTTP API to HTTPS. */
@ExtendWith(VertxExtension.class)
class TlsTest {

    @Test
    void configuredCertificateTurnsTheApiIntoHttps(Vertx vertx, @TempDir Path root) {
        SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");
        TestNodes nodes = new TestNodes(root);
        Map<String, String> env = new HashMap<>(nodes.env("auth-service", 0));
        env.put("HUDDLE_HTTP_PORT", Integer.toString(TestNodes.freePort()));
        env.put("HUDDLE_TLS_CERT", certificate.certificatePath());
        env.put("HUDDLE_TLS_KEY", certificate.privateKeyPath());
        NodeConfig node = NodeConfig.read("auth-service", 0, Env.of(env));
        RunningService auth = ServiceLauncher.start(node, AuthConfig.read(Env.of(Map.of())), AuthDeployer::deploy,
            Clock.systemUTC()).await();
        WebClient https = WebClient.create(vertx, new WebClientOptions().setSsl(true).setTrustAll(true)
            .setVerifyHost(false));
        WebClient plain = WebClient.create(vertx);
        try {
            assertThat(https.get(node.httpPort(), "127.0.0.1", "/health").send().await().statusCode()).isEqualTo(200);
            boolean plainRefused;
            try {
                plainRefused = plain.get(node.httpPort(), "127.0.0.1", "/health").send().await().statusCode() != 200;
            } catch (RuntimeException e) {
                plainRefused = true;
            }
            assertThat(plainRefused).as("plain HTTP must not be served when TLS is on").isTrue();
        } finally {
            https.close();
            plain.close();
            auth.stop().await();
        }
    }
}
