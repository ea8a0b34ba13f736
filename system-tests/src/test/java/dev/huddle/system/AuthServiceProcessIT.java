package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.server.testing.TestNodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** auth-service as a real process: starts healthy and clustered, serves, and stops cleanly on SIGTERM. */
class AuthServiceProcessIT {

    @Test
    void startsHealthyServesAndShutsDownGracefullyOnSigterm(@TempDir Path root) throws Exception {
        TestNodes nodes = new TestNodes(root);
        Map<String, String> env = nodes.env("auth-service", 0);
        int port = TestNodes.freePort();
        try (ServiceProcess auth = ServiceProcess.start("auth-service", env, port, root.resolve("console.log"))) {
            auth.awaitHealthy(Duration.ofSeconds(90));

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> registered = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/auth/register"))
                .POST(HttpRequest.BodyPublishers.ofString(
                    "{\"username\":\"quinn\",\"email\":\"q@example.com\",\"password\":\"violet-anchor-93-drum\"}"))
                .header("content-type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

            int exit = auth.terminate(Duration.ofSeconds(30));
            assertThat(exit).as(auth.consoleText()).isIn(0, 143);
            assertThat(auth.consoleText()).contains("auth-service stopping", "auth-service stopped");
        }
        Path data = Path.of(env.get("HUDDLE_DATA_DIR"));
        assertThat(data.resolve("auth-service.db")).isRegularFile();
        assertThat(data.resolve("token-signing-key.pem")).isRegularFile();
        try (Stream<Path> logs = Files.walk(Path.of(env.get("HUDDLE_LOG_DIR")))) {
            assertThat(logs.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("reg_log_"));
        }
    }
}
