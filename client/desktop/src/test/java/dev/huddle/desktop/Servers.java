package dev.huddle.desktop;

import dev.huddle.client.ClientTls;
import dev.huddle.client.HuddleClient;
import dev.huddle.client.ServerAddress;
import dev.huddle.client.files.LineFiles;
import dev.huddle.client.line.LineConnection;
import dev.huddle.contracts.chat.Command;
import dev.huddle.server.trust.DevelopmentTls;
import dev.huddle.system.CallCluster;
import dev.huddle.system.ChatCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real services for the desktop client's tests: auth, rooms and two chat instances on free
 * ports (system-tests' {@link ChatCluster}); the desktop talks to chat instance A, the "second
 * client" of a test (the CLI's line connection) to instance B, so messages cross the cluster. For
 * call tests, {@link #withCalls} starts one chat instance and a media relay instead ({@link CallCluster}).
 */
public final class Servers implements AutoCloseable {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final AutoCloseable cluster;
    private final ServerAddress address;
    private final int secondLinePort;
    private final ClientTls tls;

    private Servers(AutoCloseable cluster, ServerAddress address, int secondLinePort, ClientTls tls) {
        this.cluster = cluster;
        this.address = address;
        this.secondLinePort = secondLinePort;
        this.tls = tls;
    }

    public static Servers start(Path root) {
        return start(ChatCluster.start(root, Map.of()), ClientTls.OFF);
    }

    /**
     * The same services with TLS on every port (HTTP, WebSocket, line), their certificate issued by a CA
     * made as {@code ./huddle certs} makes it; {@link #tls()} trusts that CA.
     */
    public static Servers withTls(Path root) {
        Path dir = root.resolve("tls");
        try {
            DevelopmentTls.make(dir, List.of(), Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChatCluster cluster = ChatCluster.start(root, Clock.systemUTC(), Map.of(
            "HUDDLE_TLS_CERT", dir.resolve(DevelopmentTls.SERVER_CERT).toString(),
            "HUDDLE_TLS_KEY", dir.resolve(DevelopmentTls.SERVER_KEY).toString()), Map.of());
        return start(cluster, ClientTls.trusting(dir.resolve(DevelopmentTls.CA_CERT)));
    }

    private static Servers start(ChatCluster cluster, ClientTls tls) {
        return new Servers(cluster, new ServerAddress("127.0.0.1", cluster.httpPort(cluster.auth),
            cluster.httpPort(cluster.rooms), cluster.httpPort(cluster.chatA)), cluster.linePortB, tls);
    }

    /** How a client reaches these services: plain, or TLS trusting their CA. */
    public ClientTls tls() {
        return tls;
    }

    /** Auth, rooms, one chat instance and a media relay: calls work. */
    public static Servers withCalls(Path root) {
        CallCluster cluster = CallCluster.start(root, Clock.systemUTC());
        return new Servers(cluster, new ServerAddress("127.0.0.1", CallCluster.httpPort(cluster.auth),
            CallCluster.httpPort(cluster.rooms), CallCluster.httpPort(cluster.chat)), cluster.linePort, ClientTls.OFF);
    }

    /** What a person types on the login page to reach these services. */
    public ServerAddress address() {
        return address;
    }

    /** A fresh account (password {@code violet-anchor-93-drum}); returns its name. */
    public String user(String prefix) {
        String name = prefix + NAMES.incrementAndGet() + Long.toString(System.nanoTime() % 10_000, 36);
        register(name);
        return name;
    }

    /** An account with exactly this name (password {@code violet-anchor-93-drum}). */
    public void register(String name) {
        try (HuddleClient client = HuddleClient.create(address(), tls)) {
            client.register(name, name + "@example.com", "violet-anchor-93-drum").await();
        }
    }

    /** A project {@code owner} makes over the line protocol, with {@code members} ({@code a, b}) in it; its id. */
    public long project(String owner, String name, String members) {
        try (LineConnection line = line()) {
            String token = line.ok(new Command.Login(owner, "violet-anchor-93-drum")).getString("token");
            long id = line.ok(new Command.NewProject(token, name)).getJsonObject("project").getLong("id");
            line.ok(new Command.AddGroup(token, id, members));
            return id;
        }
    }

    /** A second client, as huddle-cli connects: the line protocol (on the other chat instance, if there are two). */
    public LineConnection line() {
        return LineConnection.open("127.0.0.1", secondLinePort, Duration.ofSeconds(10), tls);
    }

    /** A second client's file connection, as huddle-cli sends files over the line protocol, on the other chat instance. */
    public LineFiles lineFiles() {
        return LineFiles.open("127.0.0.1", secondLinePort, Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
