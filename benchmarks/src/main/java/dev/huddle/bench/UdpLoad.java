package dev.huddle.bench;

import dev.huddle.server.media.MediaTicket;
import dev.huddle.server.media.MediaTicketCodec;
import dev.huddle.server.token.SigningKey;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Load generator for the media relay's data path, measured in the same run against the C reference
 * forwarder and a minimal blocking java.net forwarder (docs/benchmarks.md, "media-relay").
 *
 * <p>One room: {@code --senders} S sockets send media-wire AUDIO datagrams of each size in
 * {@code --sizes}, paced in 200 µs ticks, to the forwarder, which sends each to {@code --receivers} R
 * sockets (fan-out R; the relay also to the other senders). Each offered load in {@code --rates}
 * (forwarded datagrams per second wanted, i.e. S × rate × fan-out) runs for a warm-up then a
 * measured window; reported: forwarded datagrams/s received, loss (of what should have arrived),
 * latency sender → forwarder → receiver (p50/p99/p99.9), the forwarder's CPU. All forwarders run for
 * the whole run and take turns at each load, {@code --repeat} rounds, so the machine's drift falls on
 * all of them alike; the peak is the best round.
 *
 * <p>Latency is measured first, at {@code --latency-rate}, in {@code --latency-windows} short windows per
 * path taken in turn, the direct path (the generator sending the same datagrams per second to its own
 * receivers, no forwarder) among them; {@link LatencyWindows} says why and what it reports.
 *
 * <pre>
 * java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' dev.huddle.bench.UdpLoad \
 *   [--forwarders relay,javanet,c] [--c-forwarder /tmp/udpfwd] [--sizes 1200,200] [--senders 1]
 *   [--receivers 4] [--rates 100000,150000,200000,250000] [--latency-rate 75000]
 *   [--warmup-ms 1000] [--window-ms 4000] [--repeat 2] [--latency-windows 32] [--latency-window-ms 500]
 *   [--latency-warmup-ms 300]
 *   [--relay-jvm-options "-XX:StartFlightRecording=..."]
 * </pre>
 */
public final class UdpLoad {

    static final String RELAY_ID = "bench-relay";
    private static final double MAX_LOSS = 0.01;
    private static final long WARM_UP_MS = 4_000;

    private UdpLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<UdpForwarder.Kind> kinds = Arrays.stream(options.getOrDefault("forwarders", "relay,javanet,c").split(","))
            .map(k -> UdpForwarder.Kind.valueOf(k.trim().toUpperCase(Locale.ROOT))).toList();
        Path cForwarder = Path.of(options.getOrDefault("c-forwarder", "/tmp/udpfwd"));
        List<Integer> sizes = ints(options.getOrDefault("sizes", "1200,200"));
        int senders = Integer.parseInt(options.getOrDefault("senders", "1"));
        int receivers = Integer.parseInt(options.getOrDefault("receivers", "4"));
        List<Integer> rates = ints(options.getOrDefault("rates", "100000,150000,200000,250000"));
        int latencyRate = Integer.parseInt(options.getOrDefault("latency-rate", "75000"));
        long warmup = Long.parseLong(options.getOrDefault("warmup-ms", "1000"));
        long window = Long.parseLong(options.getOrDefault("window-ms", "4000"));
        int fanout = receivers + senders - 1;

        int repeats = Integer.parseInt(options.getOrDefault("repeat", "2"));
        int latencyWindows = Integer.parseInt(options.getOrDefault("latency-windows", "32"));
        long latencyWindow = Long.parseLong(options.getOrDefault("latency-window-ms", "500"));
        long latencyWarmup = Long.parseLong(options.getOrDefault("latency-warmup-ms", "300"));
        // e.g. "-XX:StartFlightRecording=settings=profile,filename=/tmp/relay.jfr" to profile the relay
        List<String> relayJvmOptions = Arrays.stream(options.getOrDefault("relay-jvm-options", "").split(" "))
            .filter(o -> !o.isBlank()).toList();
        Path keyDir = Files.createTempDirectory("udpload-keys");
        SigningKey key = SigningKey.loadOrCreate(keyDir, SigningKey.MEDIA_TICKET_KEY_FILE);
        List<Row> rows = new ArrayList<>();
        LatencyWindows latency = new LatencyWindows();
        System.out.printf("UdpLoad: %d sender(s), %d receiver(s), fan-out %d, sizes %s, warm-up %d ms, window %d ms,"
            + " %d round(s); latency: %d windows of %d ms per path%n", senders, receivers, fanout, sizes, warmup, window,
            repeats, latencyWindows, latencyWindow);
        // every path runs (idle) for the whole run and the measurements take turns, so that the machine's
        // drift touches all of them alike; the direct path (no forwarder) is the latency runs' reference
        List<Setup> setups = new ArrayList<>();
        try {
            setups.add(Setup.direct(receivers));
            for (UdpForwarder.Kind kind : kinds) {
                if (kind == UdpForwarder.Kind.C && !Files.isExecutable(cForwarder)) {
                    System.out.println("skipping the C reference: build it first: gcc -O2 -o " + cForwarder
                        + " ../shared/bench/udpfwd.c");
                    continue;
                }
                setups.add(Setup.start(kind, senders, receivers, fanout, keyDir, cForwarder, key, relayJvmOptions));
            }
            // the JIT compiles each JVM's path in its first seconds: a run not reported, so that the first
            // measured one does not time the interpreter
            for (Setup setup : setups) {
                setup.endpoints().run(setup.target(), sizes.get(0), latencyRate / setup.fanout(), warmup, WARM_UP_MS);
            }
            for (int size : sizes) {
                for (int w = 0; w < latencyWindows; w++) {
                    for (Setup setup : setups) {
                        Row row = measure(setup, size, latencyRate, latencyWarmup, latencyWindow, true);
                        latency.add(setup.kind(), size, row.latency(), row.loss(), row.generatorGcs());
                    }
                }
            }
            for (Setup setup : setups) {
                if (setup.kind() == UdpForwarder.Kind.RELAY) {
                    // the warm-up ran at the latency rate too, so these are the latency runs' own
                    System.out.println("  relay counters after the latency runs: " + setup.forwarder().counters());
                }
            }
            for (int round = 1; round <= repeats; round++) {
                for (int size : sizes) {
                    for (int rate : rates) {
                        for (Setup setup : setups) {
                            if (setup.forwarder() != null) {
                                rows.add(measure(setup, size, rate, warmup, window, false));
                            }
                        }
                    }
                }
            }
        } finally {
            for (Setup setup : setups) {
                String stats = setup.stop();
                if (!stats.isEmpty()) {
                    System.out.println("  relay counters: " + stats);
                }
            }
        }
        report(rows, sizes);
        latency.report(sizes, latencyRate);
    }

    /** A forwarder with the generator's sockets for it. */
    private record Setup(UdpForwarder.Kind kind, UdpEndpoints endpoints, UdpForwarder forwarder,
                         List<InetSocketAddress> target, int fanout) {

        /** The generator sending to its own receivers, each datagram to one of them in turn. */
        static Setup direct(int receivers) throws InterruptedException {
            UdpEndpoints direct = new UdpEndpoints(1, receivers);
            return new Setup(UdpForwarder.Kind.NONE, direct, null, direct.sinkPorts().stream()
                .map(port -> new InetSocketAddress("127.0.0.1", port)).toList(), 1);
        }

        static Setup start(UdpForwarder.Kind kind, int senders, int receivers, int fanout, Path keyDir,
                           Path cForwarder, SigningKey key, List<String> relayJvmOptions) throws Exception {
            UdpEndpoints endpoints = new UdpEndpoints(senders, kind == UdpForwarder.Kind.C ? 1 : receivers);
            UdpForwarder forwarder = null;
            try {
                int port = freeUdpPort();
                forwarder = UdpForwarder.start(kind, port, endpoints.sinkPorts(), fanout, keyDir, cForwarder,
                    relayJvmOptions);
                InetSocketAddress target = new InetSocketAddress("127.0.0.1", port);
                if (kind == UdpForwarder.Kind.RELAY) {
                    endpoints.joinAll(target, i -> ticket(key, i));
                }
                return new Setup(kind, endpoints, forwarder, List.of(target), fanout);
            } catch (Exception e) {
                // the generator's event loops would otherwise keep this JVM alive after main has thrown
                if (forwarder != null) {
                    forwarder.close();
                }
                endpoints.close();
                throw e;
            }
        }

        String stop() throws InterruptedException {
            String stats = forwarder == null ? "" : forwarder.stop();
            endpoints.close();
            return stats;
        }
    }

    /** One measured window. */
    record Row(UdpForwarder.Kind kind, int size, boolean latencyRun, long offeredOut, double forwardedPerSecond,
               double loss, long p50, long p99, long p999, double forwarderCpu, Histogram latency, long generatorGcs) {
    }

    private static Row measure(Setup setup, int size, int offeredOut, long warmup, long window, boolean latencyRun)
        throws Exception {
        UdpForwarder.Kind kind = setup.kind();
        UdpForwarder forwarder = setup.forwarder();
        int fanout = setup.fanout();
        long inRate = Math.max(1, offeredOut / fanout);
        ProcessCpu.Sample before = forwarder == null ? ProcessCpu.Sample.UNKNOWN : ProcessCpu.of(forwarder.pid());
        UdpEndpoints.Window result = setup.endpoints().run(setup.target(), size, inRate, warmup, window);
        ProcessCpu.Sample after = forwarder == null ? ProcessCpu.Sample.UNKNOWN : ProcessCpu.of(forwarder.pid());
        double seconds = window / 1000.0;
        long expected = result.sent() * fanout;
        double loss = expected == 0 ? 1 : Math.max(0, 1 - (double) result.received() / expected);
        double cpu = before.known() && after.known() ? after.minus(before).total() / ((warmup + window) / 1000.0) : -1;
        Row row = new Row(kind, size, latencyRun, inRate * fanout, result.received() / seconds, loss,
            result.latencyMicros().getValueAtPercentile(50), result.latencyMicros().getValueAtPercentile(99),
            result.latencyMicros().getValueAtPercentile(99.9), cpu, result.latencyMicros(), result.generatorGcs());
        System.out.println("  " + line(row));
        return row;
    }

    private static void report(List<Row> rows, List<Integer> sizes) {
        System.out.println();
        System.out.println("| forwarder | datagram | offered out/s | forwarded out/s | loss | latency p50 / p99 / p99.9 (µs) | forwarder CPU |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(r -> System.out.println(line(r)));
        System.out.println();
        System.out.println("Peak forwarded datagrams/s with loss <= 1 % (ratio to the C reference):");
        for (int size : sizes) {
            Map<UdpForwarder.Kind, Double> peaks = new LinkedHashMap<>();
            for (Row row : rows) {
                if (row.size == size && row.kind != UdpForwarder.Kind.NONE && row.loss <= MAX_LOSS) {
                    peaks.merge(row.kind, row.forwardedPerSecond, Math::max);
                }
            }
            Double c = peaks.get(UdpForwarder.Kind.C);
            peaks.forEach((kind, peak) -> System.out.printf(Locale.ROOT, "  %d B  %-8s %,10.0f/s%s%n", size, kind,
                peak, c == null ? "" : String.format(Locale.ROOT, "  (%.0f %% of C)", 100 * peak / c)));
        }
    }

    private static String line(Row r) {
        return String.format(Locale.ROOT, "| %s%s | %d B | %,d | %,.0f | %.2f %% | %d / %d / %d | %s |", r.kind.label,
            r.latencyRun ? " (latency run)" : "", r.size, r.offeredOut, r.forwardedPerSecond, 100 * r.loss, r.p50,
            r.p99, r.p999, r.forwarderCpu < 0 ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * r.forwarderCpu));
    }

    /** A signed ticket for member {@code index} of call 1 on {@link #RELAY_ID} (CallLatencyBench too). */
    static byte[] ticket(SigningKey key, int index) {
        MediaTicket ticket = new MediaTicket(1, index + 1, "bench" + index, "bench-token-" + index, RELAY_ID,
            Instant.now().plus(Duration.ofMinutes(30)), MediaTicket.Nonce.random());
        return MediaTicketCodec.sign(ticket, key);
    }

    static int freeUdpPort() throws java.net.SocketException {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<Integer> ints(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
