package dev.huddle.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Cold start of a service: from {@code java -jar} to {@code /health} answering 200 (which means
 * clustered and database open), on a fresh data directory each run (so it includes the schema
 * migration and, for auth-service, generating the signing key).
 *
 * <pre>./mvnw -q -DskipTests package &amp;&amp; java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' \
 *     dev.huddle.bench.ColdStart auth-service 5</pre>
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        String service = args.length > 0 ? args[0] : "auth-service";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path jar = Path.of(service, "target", service + "-0.1.0-SNAPSHOT.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " missing: build first (./mvnw -q -DskipTests package)");
        }
        List<Long> millis = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            long ms = once(jar);
            millis.add(ms);
            System.out.printf("run %d: %d ms to healthy and clustered%n", run, ms);
        }
        millis.sort(Long::compare);
        System.out.printf("%s cold start over %d runs: median %d ms, min %d ms, max %d ms%n", service, runs,
            millis.get(millis.size() / 2), millis.get(0), millis.get(millis.size() - 1));
    }

    private static long once(Path jar) throws Exception {
        Path root = Files.createTempDirectory("huddle-coldstart");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
            "-XX:+UseSerialGC", "-jar", jar.toString())
            .redirectErrorStream(true).redirectOutput(root.resolve("console.log").toFile());
        builder.environment().put("HUDDLE_CLUSTER_NAME", "coldstart-" + UUID.randomUUID());
        builder.environment().put("HUDDLE_CLUSTER_PORT", "17901");
        builder.environment().put("HUDDLE_CLUSTER_MEMBERS", "127.0.0.1:17901");
        builder.environment().put("HUDDLE_HTTP_PORT", Integer.toString(port));
        builder.environment().put("HUDDLE_DATA_DIR", root.resolve("data").toString());
        builder.environment().put("HUDDLE_LOG_DIR", root.resolve("log").toString());
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .timeout(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (process.isAlive()) {
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    }
                } catch (ConnectException notYet) {
                    // still starting
                }
                process.waitFor(20, TimeUnit.MILLISECONDS);
            }
            throw new IllegalStateException("service exited: see " + root.resolve("console.log"));
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
