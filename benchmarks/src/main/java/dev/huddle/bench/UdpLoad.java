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

/**
 * Load generator for the media relay's data path, measured in the same run against the C reference
 * forwarder and a minimal blocking java.net forwarder (docs/benchmarks.md, "media-relay").
 *
 * <p>One room: {@code --senders} S sockets send media-wire AUDIO datagrams of each size in
 * {@code --sizes}, paced in 200 µs ticks, to the forwarder, which sends each to {@code --receivers} R
 * sockets (fan-out R; the relay also to the other senders). Each offered load in {@code --rates}
 * (forwarded datagrams per second wanted, i.e. S × rate × fan-out) runs for a warm-up then a
 * measured window; reported: forwarded datagrams/s received, loss (of what should have arrived),
 * latency sender → forwarder → receiver (p50/p99/p99.9), the forwarder's CPU. {@code --latency-rate}
 * is one more run per forwarder, with a direct sender → receiver run beside it for comparison. All
 * forwarders run for the whole run and take turns at each load, {@code --repeat} rounds, so the
 * machine's drift falls on all of them alike; the peak is the best round.
 *
 * <pre>
 * java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' dev.huddle.bench.UdpLoad \
 *   [--forwarders relay,javanet,c] [--c-forwarder /tmp/udpfwd] [--sizes 1200,200] [--senders 1]
 *   [--receivers 4] [--rates 100000,150000,200000,250000] [--latency-rate 75000]
 *   [--warmup-ms 1000] [--window-ms 4000] [--repeat 2] [--relay-jvm-options "-XX:StartFlightRecording=..."]
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
        // e.g. "-XX:StartFlightRecording=settings=profile,filename=/tmp/relay.jfr" to profile the relay
        List<String> relayJvmOptions = Arrays.stream(options.getOrDefault("relay-jvm-options", "").split(" "))
            .filter(o -> !o.isBlank()).toList();
        Path keyDir = Files.createTempDirectory("udpload-keys");
        SigningKey key = SigningKey.loadOrCreate(keyDir, SigningKey.MEDIA_TICKET_KEY_FILE);
        List<Row> rows = new ArrayList<>();
        System.out.printf("UdpLoad: %d sender(s), %d receiver(s), fan-out %d, sizes %s, warm-up %d ms, window %d ms,"
            + " %d round(s)%n", senders, receivers, fanout, sizes, warmup, window, repeats);
        // every forwarder runs (idle) for the whole run and the measurements take turns, so that
        // the machine's drift touches all of them alike
        List<Setup> setups = new ArrayList<>();
        try {
            for (UdpForwarder.Kind kind : kinds) {
                if (kind == UdpForwarder.Kind.C && !Files.isExecutable(cForwarder)) {
                    System.out.println("skipping the C reference: build it first: gcc -O2 -o " + cForwarder
                        + " ../shared/bench/udpfwd.c");
                    continue;
                }
                setups.add(Setup.start(kind, senders, receivers, fanout, keyDir, cForwarder, key, relayJvmOptions));
            }
            // the JIT compiles each JVM forwarder's path in its first seconds: a run not reported, so
            // that the first measured one (the latency run) does not time the interpreter
            for (Setup setup : setups) {
                setup.endpoints().run(setup.target(), sizes.get(0), latencyRate / fanout, warmup, WARM_UP_MS);
            }
            for (int round = 1; round <= repeats; round++) {
                for (int size : sizes) {
                    for (Setup setup : setups) {
                        rows.add(measure(setup, size, latencyRate, fanout, warmup, window, true));
                    }
                    for (int rate : rates) {
                        for (Setup setup : setups) {
                            rows.add(measure(setup, size, rate, fanout, warmup, window, false));
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
        if (kinds.contains(UdpForwarder.Kind.RELAY)) {
            // the same datagrams per second reach the same number of receivers, sent to each in turn by
            // the generator itself: what the latency runs measure minus the forwarder's hop
            try (UdpEndpoints direct = new UdpEndpoints(1, receivers)) {
                Setup none = new Setup(UdpForwarder.Kind.NONE, direct, null, direct.sinkPorts().stream()
                    .map(port -> new InetSocketAddress("127.0.0.1", port)).toList());
                for (int size : sizes) {
                    rows.add(measure(none, size, latencyRate, 1, warmup, window, true));
                }
            }
        }
        report(rows, sizes);
    }

    /** A forwarder with the generator's sockets for it. */
    private record Setup(UdpForwarder.Kind kind, UdpEndpoints endpoints, UdpForwarder forwarder,
                         List<InetSocketAddress> target) {

        static Setup start(UdpForwarder.Kind kind, int senders, int receivers, int fanout, Path keyDir,
                           Path cForwarder, SigningKey key, List<String> relayJvmOptions) throws Exception {
            UdpEndpoints endpoints = new UdpEndpoints(senders, kind == UdpForwarder.Kind.C ? 1 : receivers);
            int port = freeUdpPort();
            UdpForwarder forwarder = UdpForwarder.start(kind, port, endpoints.sinkPorts(), fanout, keyDir, cForwarder,
                relayJvmOptions);
            InetSocketAddress target = new InetSocketAddress("127.0.0.1", port);
            if (kind == UdpForwarder.Kind.RELAY) {
                endpoints.joinAll(target, i -> ticket(key, i));
            }
            return new Setup(kind, endpoints, forwarder, List.of(target));
        }

        String stop() throws InterruptedException {
            String stats = forwarder == null ? "" : forwarder.stop();
            endpoints.close();
            return stats;
        }
    }

    /** One measured window. */
    record Row(UdpForwarder.Kind kind, int size, boolean latencyRun, long offeredOut, double forwardedPerSecond,
               double loss, long p50, long p99, long p999, double forwarderCpu) {
    }

    private static Row measure(Setup setup, int size, int offeredOut, int fanout, long warmup, long window,
                               boolean latencyRun) throws Exception {
        UdpForwarder.Kind kind = setup.kind();
        UdpForwarder forwarder = setup.forwarder();
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
            result.latencyMicros().getValueAtPercentile(99.9), cpu);
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
        reportAddedLatency(rows, sizes);
    }

    /**
     * Each forwarder's latency-run percentiles minus the direct path's (same datagrams per second to the
     * same receivers, no forwarder): the latency the hop through it adds, generator noise taken out.
     */
    private static void reportAddedLatency(List<Row> rows, List<Integer> sizes) {
        System.out.println("Added latency at the latency rate: forwarder minus direct path, p50 / p99 / p99.9 (µs):");
        for (int size : sizes) {
            Row direct = rows.stream().filter(r -> r.size == size && r.kind == UdpForwarder.Kind.NONE).findFirst()
                .orElse(null);
            if (direct == null) {
                continue;
            }
            rows.stream().filter(r -> r.size == size && r.latencyRun && r.kind != UdpForwarder.Kind.NONE)
                .forEach(r -> System.out.printf(Locale.ROOT, "  %d B  %-8s %d / %d / %d   (loss %.2f %%)%n", size,
                    r.kind, r.p50 - direct.p50, r.p99 - direct.p99, r.p999 - direct.p999, 100 * r.loss));
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
