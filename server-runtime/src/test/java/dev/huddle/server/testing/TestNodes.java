package dev.huddle.server.testing;

import dev.huddle.server.config.Env;
import dev.huddle.server.config.NodeConfig;
import dev.huddle.server.trust.ClusterCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Node configurations for tests: a random cluster name (so parallel runs and a running
 * {@code ./huddle up} never merge), cluster credentials of its own (a CA, a node certificate and a
 * secret, made once under the temp directory), Hazelcast on 127.0.0.1 at ports away from the
 * defaults, free HTTP ports, and data and logs under a temp directory.
 */
public final class TestNodes {

    private final String clusterName = "huddle-test-" + UUID.randomUUID();
    private final int clusterBasePort = 16_000 + ThreadLocalRandom.current().nextInt(0, 200) * 20;
    private final Path root;

    public TestNodes(Path root) {
        this.root = root;
        try {
            ClusterCredentials.ensure(credentialsDir(), credentialsDir().resolve("ca"), Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where this test cluster's credentials are. */
    public Path credentialsDir() {
        return root.resolve("cluster");
    }

    public String clusterName() {
        return clusterName;
    }

    /** Config for the {@code index}-th node of the test cluster (0, 1, 2...). */
    public NodeConfig node(String serviceName, int index) {
        return node(serviceName, index, Map.of());
    }

    /** Config for the {@code index}-th node with some of its settings replaced by {@code overrides}. */
    public NodeConfig node(String serviceName, int index, Map<String, String> overrides) {
        Map<String, String> env = env(serviceName, index);
        env.putAll(overrides);
        return NodeConfig.read(serviceName, freePort(), Env.of(env));
    }

    /** The environment a node of this test cluster would be started with (for child processes). */
    public Map<String, String> env(String serviceName, int index) {
        Map<String, String> env = new HashMap<>();
        env.put("HUDDLE_CLUSTER_NAME", clusterName);
        env.put("HUDDLE_CLUSTER_BIND", "127.0.0.1");
        env.put("HUDDLE_CLUSTER_PORT", Integer.toString(clusterBasePort + index));
        env.put("HUDDLE_CLUSTER_MEMBERS", members());
        env.put("HUDDLE_HTTP_HOST", "127.0.0.1");
        env.put("HUDDLE_DATA_DIR", root.resolve(serviceName + "-" + index + "/data").toString());
        env.put("HUDDLE_LOG_DIR", root.resolve(serviceName + "-" + index + "/log").toString());
        env.put("HUDDLE_SHUTDOWN_GRACE", "2s");
        env.put("HUDDLE_CLUSTER_CREDENTIALS", credentialsDir().toString());
        return env;
    }

    private String members() {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            members.append(i == 0 ? "" : ",").append("127.0.0.1:").append(clusterBasePort + i);
        }
        return members.toString();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
