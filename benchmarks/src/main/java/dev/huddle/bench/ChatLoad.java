package dev.huddle.bench;

import dev.huddle.client.line.LineChannel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * Load generator for chat-service's line protocol (a main, not a test). Two modes:
 * <ul>
 *   <li><b>load</b> ({@link LoadRun}): N connections in rooms of M, K senders per room each sending
 *       R chat messages a second; reports deliveries per second (chat events received by all
 *       connections), messages sent and acknowledged per second, errors by code and end-to-end
 *       latency percentiles (sender's nanoTime in the message → event read by a receiver);</li>
 *   <li><b>idle</b> ({@link IdleRun}): N connections that send one command and then sit idle;
 *       reports chat-service's live heap per idle connection.</li>
 * </ul>
 * Accounts and rooms are made through the line protocol ({@link ChatSetup}). The generator shares
 * the machine with the services it measures: its own CPU time is reported next to theirs.
 *
 * <pre>
 * java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' dev.huddle.bench.ChatLoad \
 *     --connections 2000 --room-size 100 --senders-per-room 5 --rate 10 --duration 30s --warmup 5s
 * java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' dev.huddle.bench.ChatLoad \
 *     --idle 10000 --chat-pid $(cat run/chat-service.pid)
 * </pre>
 */
public final class ChatLoad {

    private ChatLoad() {
    }

    public static void main(String[] args) {
        ChatLoadOptions options;
        try {
            options = ChatLoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && !e.getMessage().isEmpty()) {
                System.err.println("ChatLoad: " + e.getMessage());
            }
            System.err.print(ChatLoadOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            requireHealthy(options.host(), options.authPort(), "auth-service");
            requireHealthy(options.host(), options.roomPort(), "room-service");
            requireHealthy(options.host(), options.chatHttpPort(), "chat-service");
        } catch (IllegalStateException e) {
            System.err.println("ChatLoad: " + e.getMessage());
            System.exit(1);
        }
        System.out.printf("machine: %d cores seen by the JVM, %s; the services and this generator share them%n",
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.clientThreads()));
        NetClient client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(10_000));
        int exit = 0;
        try {
            if (options.idleMode()) {
                new IdleRun(vertx, client, options).run();
            } else {
                new LoadRun(vertx, client, options).run();
            }
        } catch (RuntimeException e) {
            System.err.println("ChatLoad failed: " + e.getMessage());
            exit = 1;
        } finally {
            Blocking.await(vertx.close());
        }
        System.exit(exit);
    }

    /** Accounts and rooms for {@code connections} connections, on {@code setupParallelism} connections. */
    static ChatSetup.Fixture prepare(Vertx vertx, NetClient client, ChatLoadOptions options, int connections,
                                     int rooms, int roomSize) {
        long started = System.nanoTime();
        List<LineChannel> lanes = Blocking.await(LineChannel.openMany(vertx, client, options.host(), options.linePort(),
            options.setupParallelism(), options.setupParallelism()));
        try {
            ChatSetup setup = new ChatSetup(lanes, options.userPrefix());
            int users = Math.min(connections, options.maxUsers());
            List<ChatSetup.User> accounts = setup.users(users);
            System.out.printf("setup: %d users registered and logged in (%s_0..%d) in %.1f s%n", users,
                options.userPrefix(), users - 1, seconds(started));
            long roomsStarted = System.nanoTime();
            ChatSetup.Fixture fixture = rooms > 0 ? setup.rooms(accounts, rooms, roomSize)
                : new ChatSetup.Fixture(accounts, List.of(), roomSize);
            if (rooms > 0) {
                System.out.printf("setup: %d rooms of %d connections created (project ids %d..%d) in %.1f s%n",
                    rooms, roomSize, Collections.min(fixture.rooms()), Collections.max(fixture.rooms()),
                    seconds(roomsStarted));
            }
            return fixture;
        } finally {
            lanes.forEach(LineChannel::close);
        }
    }

    static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static void requireHealthy(String host, int port, String service) {
        URI health = URI.create("http://" + host + ":" + port + "/health");
        try {
            int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(health)
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException(service + " is not healthy: " + health + " answered " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException(service + " is not reachable at " + health + " (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
