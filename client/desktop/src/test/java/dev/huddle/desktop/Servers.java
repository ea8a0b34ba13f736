package dev.huddle.desktop;

import dev.huddle.client.HuddleClient;
import dev.huddle.client.ServerAddress;
import dev.huddle.client.line.LineConnection;
import dev.huddle.system.ChatCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real services for the desktop client's tests: auth, rooms and two chat instances on free
 * ports (system-tests' {@link ChatCluster}); the desktop talks to chat instance A, the "second
 * client" of a test (the CLI's line connection) to instance B, so messages cross the cluster.
 */
public final class Servers implements AutoCloseable {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final ChatCluster cluster;

    private Servers(ChatCluster cluster) {
        this.cluster = cluster;
    }

    public static Servers start(Path root) {
        return new Servers(ChatCluster.start(root, Map.of()));
    }

    /** What a person types on the login page to reach these services. */
    public ServerAddress address() {
        return new ServerAddress("127.0.0.1", cluster.httpPort(cluster.auth), cluster.httpPort(cluster.rooms),
            cluster.httpPort(cluster.chatA));
    }

    /** A fresh account (password {@code violet-anchor-93-drum}); returns its name. */
    public String user(String prefix) {
        String name = prefix + NAMES.incrementAndGet() + Long.toString(System.nanoTime() % 10_000, 36);
        try (HuddleClient client = HuddleClient.create(address())) {
            client.register(name, name + "@example.com", "violet-anchor-93-drum").await();
        }
        return name;
    }

    /** A second client, as huddle-cli connects: the line protocol on the other chat instance. */
    public LineConnection line() {
        return LineConnection.open("127.0.0.1", cluster.linePortB, Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        cluster.close();
    }
}
