package dev.huddle.launcher;

import dev.huddle.server.config.Env;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where things are for one checkout: the jars and {@code jvm.options} under the repository root;
 * data, logs and the supervisor's socket and pid files under the state directory.
 *
 * @param root        the checkout ({@code ./huddle} passes it as HUDDLE_ROOT)
 * @param stateDir    holds data/, log/ and run/
 * @param java        the java binary the services run on (the launcher's own)
 * @param clusterName the cluster the local services form
 * @param portOffset  added to every port a service is given
 */
record Layout(Path root, Path stateDir, String java, String clusterName, int portOffset) {

    static Layout from(Env env) {
        String rootText = env.get("HUDDLE_ROOT");
        Path root = Path.of(rootText == null || rootText.isBlank() ? "" : rootText).toAbsolutePath().normalize();
        String state = LauncherSettings.STATE_DIR.read(env);
        String cluster = LauncherSettings.CLUSTER_NAME.read(env);
        if (cluster.isEmpty()) {
            cluster = "huddle-" + System.getProperty("user.name", "local");
        }
        return new Layout(root, state.isEmpty() ? root : Path.of(state).toAbsolutePath().normalize(),
            ProcessHandle.current().info().command().orElse("java"), cluster,
            LauncherSettings.PORT_OFFSET.read(env));
    }

    Path runDir() {
        return stateDir.resolve("run");
    }

    Path socket() {
        return runDir().resolve("huddle.sock");
    }

    Path pidFile(String name) {
        return runDir().resolve(name + ".pid");
    }

    Path dataDir(String service) {
        return stateDir.resolve("data").resolve(service);
    }

    /** The cluster CA, node certificate and secret ({@code ./huddle credentials}). */
    Path credentialsDir() {
        return stateDir.resolve("data").resolve("cluster");
    }

    /** The local CA and server certificate for client-facing TLS ({@code ./huddle certs}). */
    Path tlsDir() {
        return stateDir.resolve("data").resolve("tls");
    }

    Path logDir(String service) {
        return stateDir.resolve("log").resolve(service);
    }

    Path console(String service) {
        return logDir(service).resolve("console.log");
    }

    /** The detached supervisor's own output. */
    Path supervisorLog() {
        return stateDir.resolve("log").resolve("huddle.log");
    }

    Path jvmOptions() {
        return root.resolve("jvm.options");
    }

    /** A module's runnable jar ({@code target/<module>-<version>.jar}), or null when it is not built. */
    Path jar(String module) {
        Path target = root.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(module + "-") && name.endsWith(".jar") && !name.endsWith("-tests.jar")
                    && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar");
            }).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shown to people: relative to the checkout when under it. */
    String shown(Path path) {
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }
}
