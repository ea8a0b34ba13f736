package dev.huddle.bench;

import dev.huddle.client.line.LineChannel;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.Reply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/**
 * The load phase: every connection has joined its room and counts what it receives; the first
 * {@code K} connections of each room send {@code chat <token> <room> t=<nanoTime> <padding>} at a
 * fixed rate, open loop (a sender never waits for its replies, so a slow server cannot slow the
 * offered load down and hide its own latency).
 *
 * <p>Each sender keeps its own schedule (send {@code i} is due at {@code start + phase + i/R}) on
 * its connection's event loop; a late timer sends what is due at once. Phases are spread evenly so
 * the senders do not fire in step.
 */
final class ChatTraffic {

    private final Vertx vertx;
    private final ChatLoadOptions options;
    private final ChatSetup.Fixture fixture;
    private final List<LineChannel> clients;
    private final LoadStats stats;
    private final String padding;
    private volatile boolean sending;

    ChatTraffic(Vertx vertx, ChatLoadOptions options, ChatSetup.Fixture fixture, List<LineChannel> clients,
                LoadStats stats) {
        this.vertx = vertx;
        this.options = options;
        this.fixture = fixture;
        this.clients = clients;
        this.stats = stats;
        this.padding = "x".repeat(Math.max(0, options.payloadBytes()));
    }

    /** Wires every connection to the counters, then has it join its room; fails if any join is refused. */
    void joinAll() {
        List<Future<?>> lanes = new ArrayList<>();
        int parallel = Math.min(64, clients.size());
        for (int lane = 0; lane < parallel; lane++) {
            Future<?> tail = Future.succeededFuture();
            for (int c = lane; c < clients.size(); c += parallel) {
                int connection = c;
                tail = tail.compose(v -> join(connection));
            }
            lanes.add(tail);
        }
        Blocking.await(Future.all(lanes));
    }

    private Future<Void> join(int connection) {
        LineChannel client = clients.get(connection);
        client.onEvent(stats::event);
        client.onFiredReply(stats::reply);
        return client.requestPaced(new Command.Join(fixture.userOf(connection).token(), fixture.roomOf(connection)))
            .compose(reply -> reply instanceof Reply.Ok
                ? Future.succeededFuture()
                : Future.failedFuture("join on connection " + connection + ": " + reply));
    }

    /** Starts every sender; the first sends are due from {@code startNanos} on. */
    void startSenders(long startNanos) {
        sending = true;
        long interval = Math.round(1e9 / options.rate());
        int senders = fixture.rooms().size() * options.sendersPerRoom();
        int sender = 0;
        for (int room = 0; room < fixture.rooms().size(); room++) {
            for (int slot = 0; slot < options.sendersPerRoom(); slot++) {
                int connection = room * options.roomSize() + slot;
                long phase = interval * sender / senders;
                Sender s = new Sender(clients.get(connection), "chat " + fixture.userOf(connection).token() + " "
                    + fixture.roomOf(connection) + " t=", startNanos + phase, interval);
                clients.get(connection).context().runOnContext(v -> s.tick());
                sender++;
            }
        }
    }

    void stopSenders() {
        sending = false;
    }

    /** One sending connection's schedule, run on its event loop. */
    private final class Sender {
        private final LineChannel client;
        private final String prefix;
        private final long first;
        private final long interval;
        private long index;

        Sender(LineChannel client, String prefix, long first, long interval) {
            this.client = client;
            this.prefix = prefix;
            this.first = first;
            this.interval = interval;
        }

        void tick() {
            if (!sending || client.isClosed()) {
                return;
            }
            long now = System.nanoTime();
            while (first + index * interval <= now) {
                client.fire(prefix + System.nanoTime() + " " + padding);
                stats.sent();
                index++;
            }
            long wait = first + index * interval - System.nanoTime();
            vertx.setTimer(Math.max(1, (wait + 999_999) / 1_000_000), id -> tick());
        }
    }
}
