package dev.huddle.bench;

import dev.huddle.client.line.LineChannel;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Load mode of {@link ChatLoad}: sets up rooms, joins every connection, waits for the presence
 * events to settle, then offers the configured chat rate for warm-up + duration and prints one
 * line per second and a summary of the measured window (after the warm-up): deliveries per second,
 * messages sent and acknowledged per second, errors by code, latency percentiles, CPU used by each
 * process. After the senders stop it waits for the last replies and deliveries (until all are in,
 * or nothing has moved for 3 s) and checks that every acknowledged message reached every
 * connection of its room.
 */
final class LoadRun {

    /** After the senders stop: how long deliveries may take to stop moving before the run gives up waiting. */
    private static final long QUIET_NANOS = 3_000_000_000L;
    private static final long MAX_DRAIN_NANOS = 60_000_000_000L;

    private final Vertx vertx;
    private final NetClient client;
    private final ChatLoadOptions options;
    private final LoadStats stats = new LoadStats();
    private volatile boolean closing;

    LoadRun(Vertx vertx, NetClient client, ChatLoadOptions options) {
        this.vertx = vertx;
        this.client = client;
        this.options = options;
    }

    void run() {
        int rooms = options.rooms();
        int connections = rooms * options.roomSize();
        System.out.printf("load: %d connections in %d rooms of %d, %d sender(s) per room at %.1f msg/s each: "
                + "offered %.0f msg/s, %.0f deliveries/s; payload %d B; warm-up %s, measured %s%n",
            connections, rooms, options.roomSize(), options.sendersPerRoom(), options.rate(),
            options.offeredMessagesPerSecond(), options.offeredMessagesPerSecond() * options.roomSize(),
            options.payloadBytes(), options.warmup(), options.duration());

        ChatSetup.Fixture fixture = ChatLoad.prepare(vertx, client, options, connections, rooms, options.roomSize());
        long opening = System.nanoTime();
        List<LineChannel> clients = Blocking.await(LineChannel.openMany(vertx, client, options.host(), options.linePort(),
            connections, 64));
        clients.forEach(c -> c.onClose(() -> {
            if (!closing) {
                stats.closedByServer();
            }
        }));
        ChatTraffic traffic = new ChatTraffic(vertx, options, fixture, clients, stats);
        traffic.joinAll();
        System.out.printf("setup: %d connections opened and joined in %.1f s%n", connections,
            ChatLoad.seconds(opening));
        waitForPresenceToSettle();

        Map<Long, ProcessCpu.Sample> cpuStart = cpu();
        LoadStats.Counts start = stats.counts();
        stats.takeInterval();
        long t0 = System.nanoTime() + 100_000_000L;
        traffic.startSenders(t0);
        long warmEnd = t0 + options.warmup().toNanos();
        long end = warmEnd + options.duration().toNanos();

        Histogram measured = new Histogram(3);
        LoadStats.Counts warm = null;
        Map<Long, ProcessCpu.Sample> cpuWarm = null;
        if (options.warmup().isZero()) {
            warm = start;
            cpuWarm = cpuStart;
        }
        LoadStats.Counts previous = start;
        double previousBusy = ProcessCpu.machine().total();
        System.out.println(
            "   t  phase    sent/s   acked/s  deliveries/s  p50 ms  p99 ms  max ms  errors  machine cpu");
        for (int second = 1; ; second++) {
            long tick = t0 + second * 1_000_000_000L;
            sleepUntil(Math.min(tick, end));
            LoadStats.Counts now = stats.counts();
            Histogram interval = stats.takeInterval();
            boolean measuring = warm != null;
            if (measuring) {
                measured.add(interval);
            }
            double busy = ProcessCpu.machine().total();
            printSecond(second, measuring, now.minus(previous), interval, busy - previousBusy);
            previous = now;
            previousBusy = busy;
            if (warm == null && System.nanoTime() >= warmEnd) {
                warm = stats.counts();
                cpuWarm = cpu();
            }
            if (System.nanoTime() >= end) {
                break;
            }
        }
        LoadStats.Counts window = stats.counts().minus(warm);
        Map<Long, ProcessCpu.Sample> cpuEnd = cpu();
        traffic.stopSenders();
        ChatLoadReport.Window report = new ChatLoadReport.Window(options, connections, window,
            options.duration().toNanos() / 1e9, measured, cpuWarm, cpuEnd);

        double drained = drain(start);
        LoadStats.Counts total = stats.counts().minus(start);
        closing = true;
        clients.forEach(LineChannel::close);
        ChatLoadReport.print(report, total, drained, stats.errorsByCode());
    }

    /**
     * Waits until every chat line sent has its reply and every acknowledged message has reached all
     * connections of its room, or until nothing has arrived for 3 s (or 60 s have passed).
     *
     * @return seconds waited
     */
    private double drain(LoadStats.Counts start) {
        long began = System.nanoTime();
        long lastMove = began;
        LoadStats.Counts last = stats.counts();
        while (System.nanoTime() - began < MAX_DRAIN_NANOS && System.nanoTime() - lastMove < QUIET_NANOS) {
            LoadStats.Counts total = last.minus(start);
            if (total.sent() == total.acked() + total.errors()
                && total.deliveries() == total.acked() * options.roomSize()) {
                break;
            }
            Blocking.sleep(100);
            LoadStats.Counts now = stats.counts();
            if (!now.equals(last)) {
                last = now;
                lastMove = System.nanoTime();
            }
        }
        return ChatLoad.seconds(began);
    }

    /** Joins announce presence to the whole room (M² events per room): wait until they are all in. */
    private void waitForPresenceToSettle() {
        long last = -1;
        for (int i = 0; i < 120; i++) {
            long events = stats.counts().otherEvents();
            if (events == last) {
                System.out.printf("setup: %d presence events received; room traffic is quiet%n", events);
                return;
            }
            last = events;
            Blocking.sleep(500);
        }
    }

    private Map<Long, ProcessCpu.Sample> cpu() {
        List<Long> pids = new ArrayList<>();
        pids.add(ProcessHandle.current().pid());
        if (options.chatPid() > 0) {
            pids.add(options.chatPid());
        }
        pids.addAll(options.cpuPids());
        Map<Long, ProcessCpu.Sample> samples = new LinkedHashMap<>();
        for (long pid : pids) {
            samples.put(pid, ProcessCpu.of(pid));
        }
        samples.put(ChatLoadReport.MACHINE, ProcessCpu.machine());
        return samples;
    }

    private static void printSecond(int second, boolean measuring, LoadStats.Counts delta, Histogram latency,
                                    double machineBusySeconds) {
        System.out.printf("%4d  %-7s %8d  %8d  %12d  %6.1f  %6.1f  %6.1f  %6d  %9.0f %%%n", second,
            measuring ? "measure" : "warm-up", delta.sent(), delta.acked(), delta.deliveries(),
            millis(latency, 50), millis(latency, 99), latency.getMaxValue() / 1000.0, delta.errors(),
            100 * machineBusySeconds);
    }

    static double millis(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1000.0;
    }

    private static void sleepUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            Blocking.sleep(wait / 1_000_000 + 1);
        }
    }
}
