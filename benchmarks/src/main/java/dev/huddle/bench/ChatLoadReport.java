package dev.huddle.bench;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The summary {@link LoadRun} prints: the measured window's rates and latency percentiles, CPU
 * used by each watched process in that window, the whole run's delivery check (every acknowledged
 * message should reach all M connections of its room) and a Markdown table row for
 * docs/benchmarks.md.
 */
final class ChatLoadReport {

    /** Key of the whole machine's busy core-seconds in the CPU maps. */
    static final long MACHINE = -1;

    private ChatLoadReport() {
    }

    /**
     * The measured window.
     *
     * @param latencyMicros end-to-end latencies of the deliveries in the window, in microseconds
     * @param cpuStart      CPU used per pid (and by the machine, key {@link #MACHINE}) at the window's start
     * @param cpuEnd        the same at the window's end
     */
    record Window(ChatLoadOptions options, int connections, LoadStats.Counts counts, double seconds,
                  Histogram latencyMicros, Map<Long, ProcessCpu.Sample> cpuStart,
                  Map<Long, ProcessCpu.Sample> cpuEnd) {
    }

    /**
     * @param total        counts of the whole run, warm-up and drain included
     * @param drainSeconds how long the run waited after the senders stopped
     */
    static void print(Window window, LoadStats.Counts total, double drainSeconds, Map<String, Long> errorsByCode) {
        ChatLoadOptions options = window.options();
        LoadStats.Counts c = window.counts();
        double s = window.seconds();
        Histogram latency = window.latencyMicros();
        System.out.println();
        System.out.printf("== measured window: %.0f s ==%n", s);
        System.out.printf("messages sent:      %,10.0f /s   (offered %,.0f /s)%n", c.sent() / s,
            options.offeredMessagesPerSecond());
        System.out.printf("messages acked OK:  %,10.0f /s%n", c.acked() / s);
        System.out.printf("errors:             %,10.0f /s%n", c.errors() / s);
        System.out.printf("deliveries:         %,10.0f /s   (offered %,.0f /s = sent x room size %d)%n",
            c.deliveries() / s, options.offeredMessagesPerSecond() * options.roomSize(), options.roomSize());
        System.out.printf(
            "latency (ms, %,d deliveries): p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  mean %.2f%n",
            latency.getTotalCount(), LoadRun.millis(latency, 50), LoadRun.millis(latency, 90),
            LoadRun.millis(latency, 99), LoadRun.millis(latency, 99.9), latency.getMaxValue() / 1000.0,
            latency.getMean() / 1000.0);
        System.out.println("CPU in the window (100% = one core; the machine has "
            + Runtime.getRuntime().availableProcessors() + "):");
        double watched = 0;
        for (var entry : window.cpuEnd().entrySet()) {
            ProcessCpu.Sample begin = window.cpuStart().get(entry.getKey());
            if (entry.getKey() != MACHINE && begin != null && begin.known() && entry.getValue().known()) {
                ProcessCpu.Sample used = entry.getValue().minus(begin);
                watched += used.total();
                System.out.printf("  %-38s %5.0f %%  (kernel %3.0f %%)%n", ProcessCpu.label(entry.getKey()),
                    100 * used.total() / s, 100 * used.kernel() / s);
            }
        }
        ProcessCpu.Sample machineStart = window.cpuStart().get(MACHINE);
        ProcessCpu.Sample machineEnd = window.cpuEnd().get(MACHINE);
        if (machineStart != null && machineStart.known() && machineEnd.known()) {
            ProcessCpu.Sample busy = machineEnd.minus(machineStart);
            System.out.printf("  %-38s %5.0f %%%n", "everything else (other users, kernel)",
                100 * (busy.total() - watched) / s);
            System.out.printf("  %-38s %5.0f %%  (kernel %3.0f %%) of %d %%%n", "machine busy", 100 * busy.total() / s,
                100 * busy.kernel() / s, 100 * Runtime.getRuntime().availableProcessors());
        }
        System.out.println();

        long expected = total.acked() * options.roomSize();
        System.out.printf("== whole run incl. warm-up, and %.1f s after the senders stopped ==%n", drainSeconds);
        System.out.printf("sent %,d, acked %,d, errors %,d %s, deliveries %,d of %,d expected (acked x %d)%s, "
                + "connections closed by the server %d%n",
            total.sent(), total.acked(), total.errors(), errorsByCode, total.deliveries(), expected,
            options.roomSize(), total.deliveries() == expected ? " - none missing"
                : " - MISSING " + (expected - total.deliveries()), total.closedByServer());

        System.out.println();
        System.out.println("| connections | room size | senders/room | offered msg/s | offered deliveries/s "
            + "| deliveries/s | acked msg/s | p50 ms | p99 ms | max ms | errors |");
        System.out.printf("| %,d | %d | %d × %.0f/s | %,.0f | %,.0f | %,.0f | %,.0f | %.1f | %.1f | %.0f | %s |%n",
            window.connections(), options.roomSize(), options.sendersPerRoom(), options.rate(),
            options.offeredMessagesPerSecond(), options.offeredMessagesPerSecond() * options.roomSize(),
            c.deliveries() / s, c.acked() / s, LoadRun.millis(latency, 50), LoadRun.millis(latency, 99),
            latency.getMaxValue() / 1000.0, c.errors() == 0 ? "0" : c.errors() + " " + errorsByCode);
    }
}
