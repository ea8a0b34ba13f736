package dev.huddle.bench;

import dev.huddle.client.line.LineChannel;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.Reply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Idle mode of {@link ChatLoad}: what an idle connection costs chat-service in heap. Reads the live
 * heap (after forced full GCs), opens N connections that each send one command — {@code help}
 * (anonymous), {@code whoami <token>} (the connection is tied to its user, as after {@code login})
 * or {@code join <token> <room>} (also in a room) — lets them sit idle, reads the live heap again
 * and reports the difference divided by N. Then closes them and reads it a third time, to show the
 * memory is given back.
 */
final class IdleRun {

    private final Vertx vertx;
    private final NetClient client;
    private final ChatLoadOptions options;

    IdleRun(Vertx vertx, NetClient client, ChatLoadOptions options) {
        this.vertx = vertx;
        this.client = client;
        this.options = options;
    }

    void run() {
        int n = options.idle();
        String command = options.idleCommand();
        System.out.printf("idle: %d connections, each sends %s'%s' once, then idle for %s%n", n,
            options.idleLineBytes() > 5 ? "a " + options.idleLineBytes() + "-byte line and " : "", command,
            options.idleHold());
        ChatSetup.Fixture fixture = switch (command) {
            case "help" -> null;
            case "whoami" -> ChatLoad.prepare(vertx, client, options, n, 0, options.roomSize());
            default -> ChatLoad.prepare(vertx, client, options, n, (n + options.roomSize() - 1) / options.roomSize(),
                options.roomSize());
        };
        HeapProbe heap = new HeapProbe(options.chatPid(), options.host(), options.chatHttpPort());
        long usedBefore = heap.heapUsedBytes();
        HeapProbe.Histogram before = heap.histogram();
        System.out.printf("before: live objects %,d B (heap used per /metrics %,d B)%n", before.liveBytes(),
            usedBefore);

        long opening = System.nanoTime();
        List<LineChannel> clients = Blocking.await(LineChannel.openMany(vertx, client, options.host(), options.linePort(), n, 64));
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> lanes = new ArrayList<>();
        for (int lane = 0; lane < 64; lane++) {
            Future<?> tail = Future.succeededFuture();
            for (int c = lane; c < n; c += 64) {
                int connection = c;
                tail = tail.compose(v -> longLine(clients.get(connection)))
                    .compose(v -> clients.get(connection).requestPaced(command(fixture, connection))
                    .map(reply -> reply instanceof Reply.Ok ? 0 : refused.incrementAndGet()));
            }
            lanes.add(tail);
        }
        Blocking.await(Future.all(lanes));
        System.out.printf("opened %d connections and sent '%s' on each in %.1f s (%d refused)%n", n, command,
            ChatLoad.seconds(opening), refused.get());
        Blocking.sleep(options.idleHold().toMillis());

        long usedIdle = heap.heapUsedBytes();
        HeapProbe.Histogram idle = heap.histogram();
        long open = clients.stream().filter(c -> !c.isClosed()).count();
        System.out.printf("idle:   live objects %,d B (heap used per /metrics %,d B); %d connections still open%n",
            idle.liveBytes(), usedIdle, open);

        clients.forEach(LineChannel::close);
        Blocking.sleep(3_000);
        HeapProbe.Histogram after = heap.histogram();
        System.out.printf("closed: live objects %,d B (%+,d B against before)%n", after.liveBytes(),
            after.liveBytes() - before.liveBytes());

        System.out.println();
        System.out.println("largest growth per idle connection, by class:");
        printTopClasses(before, idle, n);
        long delta = idle.liveBytes() - before.liveBytes();
        System.out.printf("%n== heap per idle connection ('%s'): %,d B (%.2f KiB) = (%,d - %,d) / %d ==%n", command,
            delta / n, delta / 1024.0 / n, idle.liveBytes(), before.liveBytes(), n);
        System.out.printf("   by /metrics heap used (includes the collector's filler): %,d B%n",
            (usedIdle - usedBefore) / n);
    }

    private static void printTopClasses(HeapProbe.Histogram before, HeapProbe.Histogram after, int n) {
        record Growth(String name, long instances, long bytes) {
        }
        List<Growth> growth = new ArrayList<>();
        after.classes().forEach((name, now) -> {
            long[] was = before.classes().getOrDefault(name, new long[2]);
            growth.add(new Growth(name, now[0] - was[0], now[1] - was[1]));
        });
        growth.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
        for (Growth g : growth.subList(0, Math.min(12, growth.size()))) {
            System.out.printf("  %8.1f B  %6.2f objects  %s%n", (double) g.bytes() / n, (double) g.instances() / n,
                g.name());
        }
    }

    /** With {@code --idle-line-bytes}: one long line first (refused: help takes no argument). */
    private Future<?> longLine(LineChannel client) {
        int bytes = options.idleLineBytes();
        return bytes <= 5 ? Future.succeededFuture() : client.request("help " + "x".repeat(bytes - 5));
    }

    private static Command command(ChatSetup.Fixture fixture, int connection) {
        if (fixture == null) {
            return new Command.Help();
        }
        String token = fixture.userOf(connection).token();
        return fixture.rooms().isEmpty() ? new Command.Whoami(token)
            : new Command.Join(token, fixture.roomOf(connection));
    }
}
