package dev.huddle.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * {@link UdpLoad}'s latency runs: many short windows per path (the direct path, each forwarder), taken
 * in turn, and what they say together.
 *
 * <p>Why windows: on this shared virtual machine a datagram that crosses from one process to another
 * now and then waits 5 to 30 ms for the receiving process to run (measured with the C reference between
 * a C sender and a C receiver, 2026-12-02: half of the 1 s windows had a p99 of 135 to 900 µs, the other
 * half 7 to 20 ms, one stall each; the direct path, sender and receiver in one process, had them too).
 * A single long window's p99 is then whichever stalls fell into it, the same for every forwarder, C
 * included. So each path's windows are reported as a distribution: the share of windows at or under the
 * bar, and the p99 of its quietest quarter of windows (pooled), the way a throughput peak is the best
 * round: what the path adds when the machine lets it run. The C reference, measured the same way in the
 * same run, tells the machine's share from the forwarder's.
 */
final class LatencyWindows {

    /** The bar of issue 8: p99 added latency at half load. */
    static final long BAR_MICROS = 1_000;

    private record Key(UdpForwarder.Kind kind, int size) {
    }

    private record Sample(Histogram latency, double loss, long generatorGcs) {
    }

    private final Map<Key, List<Sample>> windows = new LinkedHashMap<>();

    void add(UdpForwarder.Kind kind, int size, Histogram latency, double loss, long generatorGcs) {
        windows.computeIfAbsent(new Key(kind, size), k -> new ArrayList<>()).add(new Sample(latency, loss,
            generatorGcs));
    }

    /** The p99 of the quietest quarter of a path's windows (lowest p99s, pooled), or -1 without windows. */
    long quietQuarterP99(UdpForwarder.Kind kind, int size) {
        List<Sample> samples = windows.getOrDefault(new Key(kind, size), List.of()).stream()
            .sorted(Comparator.comparingLong(s -> s.latency().getValueAtPercentile(99))).toList();
        if (samples.isEmpty()) {
            return -1;
        }
        Histogram quiet = new Histogram(3);
        samples.subList(0, Math.max(1, samples.size() / 4)).forEach(s -> quiet.add(s.latency()));
        return quiet.getValueAtPercentile(99);
    }

    void report(List<Integer> sizes, int rate) {
        System.out.println();
        System.out.printf(Locale.ROOT, "Latency at %,d out/s in windows taken in turn (µs; added = this path's"
            + " quietest-quarter p99 minus the direct path's):%n", rate);
        System.out.println("| datagram | path | windows | window p99: min / median / max | windows with p99 <= 1 ms"
            + " | all windows: p50 / p99 | quietest quarter: p99 | added p99 | loss | generator GCs in windows |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (int size : sizes) {
            long direct = quietQuarterP99(UdpForwarder.Kind.NONE, size);
            windows.forEach((key, samples) -> {
                if (key.size() != size) {
                    return;
                }
                List<Long> p99s = windowP99s(key);
                Histogram all = new Histogram(3);
                samples.forEach(s -> all.add(s.latency()));
                long median = p99s.get(p99s.size() / 2);
                long under = p99s.stream().filter(p -> p <= BAR_MICROS).count();
                double loss = samples.stream().mapToDouble(Sample::loss).average().orElse(0);
                long gcs = samples.stream().mapToLong(Sample::generatorGcs).sum();
                long quiet = quietQuarterP99(key.kind(), size);
                String added = key.kind() == UdpForwarder.Kind.NONE || direct < 0 ? "-"
                    : String.format(Locale.ROOT, "%+d", quiet - direct);
                System.out.printf(Locale.ROOT, "| %d B | %s | %d | %d / %d / %d | %d of %d | %d / %d | %d | %s | %.2f %%"
                    + " | %d |%n", size, key.kind().label, samples.size(), p99s.getFirst(), median, p99s.getLast(),
                    under, p99s.size(), all.getValueAtPercentile(50), all.getValueAtPercentile(99), quiet, added,
                    100 * loss, gcs);
            });
        }
    }

    private List<Long> windowP99s(Key key) {
        return windows.getOrDefault(key, List.of()).stream().map(s -> s.latency().getValueAtPercentile(99))
            .sorted(Comparator.naturalOrder()).toList();
    }
}
