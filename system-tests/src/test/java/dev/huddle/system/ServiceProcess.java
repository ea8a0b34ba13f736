package dev.huddle.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Huddle service started from its built jar as a separate JVM, the way {@code ./huddle up} and
 * the container images run it.
 */
final class ServiceProcess implements AutoCloseable {

    final String service;
    final int httpPort;
    final Path console;
    final Process process;
    final Instant startedAt;

    private ServiceProcess(String service, int httpPort, Path console, Process process, Instant startedAt) {
        this.service = service;
        this.httpPort = httpPort;
        this.console = console;
        this.process = process;
        this.startedAt = startedAt;
    }

    static ServiceProcess start(String service, Map<String, String> env, int httpPort, Path console) {
        Path jar = RepoFiles.root().resolve(service).resolve("target").resolve(service + "-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the build with ./mvnw verify");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("@" + RepoFiles.root().resolve("jvm.options")); // what ./huddle up and the image run
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(console.toFile());
        builder.environment().putAll(env);
        builder.environment().put("HUDDLE_HTTP_PORT", Integer.toString(httpPort));
        try {
            return new ServiceProcess(service, httpPort, console, builder.start(), Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls /health until it answers 200, the process dies, or {@code limit} passes. */
    Duration awaitHealthy(Duration limit) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health"))
            .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " exited with " + process.exitValue() + ":\n" + consoleText());
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.between(startedAt, Instant.now());
                }
            } catch (IOException notYetListening) {
                // keep polling
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException(service + " not healthy within " + limit + ":\n" + consoleText());
    }

    /** Sends SIGTERM and waits for the JVM to exit; returns its exit code. */
    int terminate(Duration limit) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(service + " ignored SIGTERM for " + limit);
        }
        return process.exitValue();
    }

    String consoleText() {
        try {
            return Files.readString(console);
        } catch (IOException e) {
            return "(no console output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
