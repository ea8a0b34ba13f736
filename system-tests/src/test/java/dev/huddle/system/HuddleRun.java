package dev.huddle.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./huddle} run the way a person runs it, on ports away from the defaults: its own state
 * directory (data, logs, socket), cluster name and {@code HUDDLE_PORT_OFFSET}; the jars the build made.
 */
final class HuddleRun implements AutoCloseable {

    /** What a command printed (stdout and stderr together) and its exit status. */
    record Result(int exitCode, String output) {
    }

    private static final int[] DEFAULT_PORTS = {8081, 8082, 8083, 7000, 5701, 5702, 5703};

    final Path stateDir;
    final int portOffset;
    private final Map<String, String> env = new HashMap<>();

    HuddleRun(Path stateDir) {
        this.stateDir = stateDir;
        this.portOffset = freeOffset();
        env.put("HUDDLE_STATE_DIR", stateDir.toString());
        env.put("HUDDLE_PORT_OFFSET", Integer.toString(portOffset));
        env.put("HUDDLE_CLUSTER_NAME", "huddle-test-" + UUID.randomUUID());
        env.put("HUDDLE_NO_BUILD", "1");
        env.put("HUDDLE_SHUTDOWN_GRACE", "2s");
    }

    int port(int defaultPort) {
        return defaultPort + portOffset;
    }

    Result run(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", RepoFiles.root().resolve("huddle").toString()));
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile(stateDir, "huddle", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).directory(RepoFiles.root().toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(4, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("./huddle " + String.join(" ", args) + " did not finish within 4 minutes");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    long pid(String service) {
        try {
            return Long.parseLong(Files.readString(stateDir.resolve("run").resolve(service + ".pid")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops whatever is still running, also when a test failed half-way. */
    @Override
    public void close() {
        run("down");
    }

    /** An offset at which every default port is free on this machine. */
    private static int freeOffset() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int offset = 10_000 + ThreadLocalRandom.current().nextInt(0, 400) * 50;
            boolean free = true;
            for (int port : DEFAULT_PORTS) {
                free &= isFree(port + offset);
            }
            if (free) {
                return offset;
            }
        }
        throw new IllegalStateException("no port offset with every Huddle port free");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
