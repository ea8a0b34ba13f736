package dev.huddle.bench;

import dev.huddle.client.media.Call;
import dev.huddle.client.media.CallStats;
import dev.huddle.client.media.JpegCodec;
import dev.huddle.client.media.PeerStats;
import dev.huddle.client.media.SyntheticVideo;
import dev.huddle.media.wire.MediaPacket;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How large a call this machine carries: N call clients ({@link Call}, synthetic camera 640×480 at
 * 15 fps, JPEG quality 0.7, a tone) and the relay's data path all in this one JVM, N = 2, 3, … up to
 * the largest asked for; the call carried is the largest N up to which every step passed. A step is carried when every participant shows at least 90 % of the frames of every
 * other one (≥ 13.5 fps per stream) with a glass-to-glass p99 under 500 ms. Per step: frames shown per
 * stream (the worst pair), latency, what one participant sends (JPEG bytes plus the 28-byte media
 * header and 28 bytes of UDP/IPv4 per chunk), encode and decode time, and the CPU of one participant:
 * the CPU time of the call threads ({@code call-*}) over N. The relay's threads are not counted there;
 * the whole process's CPU is printed beside it.
 *
 * <p>Reference, in the same run before and after the sweep: one thread encoding and decoding the same
 * 640×480 picture with the same codec, frames per second.
 *
 * <pre>CallCapacityBench [seconds per step, default 10] [largest N to try, default 6]</pre>
 */
public final class CallCapacityBench {

    private static final int FPS = 15;
    private static final double CARRIED_FPS = 0.9 * FPS;
    private static final long CARRIED_P99_MILLIS = 500;
    private static final int OVERHEAD_PER_CHUNK = MediaPacket.HEADER_LENGTH + 8 + 20;

    private CallCapacityBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int largest = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        Reference before = codingReference();
        System.out.printf(Locale.ROOT, "reference before: draw+encode+decode 640x480 q0.7 on one thread: %.1f frames/s,"
            + " %.1f ms CPU per frame%n", before.framesPerSecond(), before.cpuMillis());
        System.out.println("N | worst stream fps | p50 / p99 ms | KB/frame | kbit/s sent per participant"
            + " | encode / decode ms | CPU per participant (call threads) | process CPU | carried");
        int carried = 0;
        boolean allSoFar = true;
        for (int n = 2; n <= largest; n++) { // every step runs: the later ones test the CPU time model
            allSoFar &= step(n, seconds);
            if (allSoFar) {
                carried = n;
            }
        }
        Reference after = codingReference();
        double refCpu = (before.cpuMillis() + after.cpuMillis()) / 2;
        System.out.printf(Locale.ROOT, "reference after: %.1f frames/s, %.1f ms CPU per frame%n",
            after.framesPerSecond(), after.cpuMillis());
        System.out.printf(Locale.ROOT, "largest call carried: %d participants; reference mean %.1f frames/s, %.1f ms"
            + " CPU per frame%n", carried, (before.framesPerSecond() + after.framesPerSecond()) / 2, refCpu);
        for (int i = 0; i < models.size(); i++) {
            CostModel m = models.get(i);
            System.out.printf(Locale.ROOT, "CPU time model from N=%d: %.1f ms per frame sent, %.1f ms per frame "
                    + "shown, %.0f %% of a core per participant besides, relay and the rest %.0f %% per participant; "
                    + "one participant of a 4-person call at 15 fps: %.0f %% of a core; largest call on 2 idle "
                    + "cores: %d; (send + show) / reference CPU per frame: %.2f×%n", i + 2, m.sendSeconds() * 1e3,
                m.showSeconds() * 1e3, m.restPerSecond() * 100, m.relayPerParticipant() * 100, m.cores(4) / 4 * 100,
                m.largestOn(2.0), (m.sendSeconds() + m.showSeconds()) * 1e3 / refCpu);
        }
        System.exit(0);
    }

    private static final List<CostModel> models = new ArrayList<>();

    private static boolean step(int n, int seconds) throws Exception {
        try (BenchRelay relay = BenchRelay.open()) {
            List<Call> calls = new ArrayList<>();
            try {
                for (int i = 0; i < n; i++) {
                    calls.add(relay.join(i, "p" + i));
                }
                Thread.sleep(3_000); // warm-up: JIT, first frames
                Map<String, Long> shownBefore = shown(calls);
                long[] sentBefore = sent(calls);
                calls.forEach(Call::stats); // forgets the warm-up's latencies
                Map<String, Double> threadsBefore = callThreadsCpu();
                ProcessCpu.Sample processBefore = ProcessCpu.of(ProcessHandle.current().pid());
                long start = System.nanoTime();
                List<Long> latencies = new ArrayList<>();
                for (int s = 0; s < seconds; s++) {
                    Thread.sleep(1_000);
                    calls.forEach(c -> c.stats().peers().forEach(p -> latencies.addAll(p.latencies())));
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                Map<String, Double> threadsAfter = callThreadsCpu();
                double threads = (sum(threadsAfter) - sum(threadsBefore)) / elapsed;
                double process = ProcessCpu.of(ProcessHandle.current().pid()).minus(processBefore).total() / elapsed;
                Map<String, Long> shownAfter = shown(calls);
                long[] sentAfter = sent(calls);
                double worst = Double.MAX_VALUE;
                for (var e : shownAfter.entrySet()) {
                    worst = Math.min(worst, (e.getValue() - shownBefore.getOrDefault(e.getKey(), 0L)) / elapsed);
                }
                if (shownAfter.size() < n * (n - 1)) {
                    worst = 0; // a pair that saw nothing at all
                }
                long frames = sentAfter[0] - sentBefore[0];
                long bytes = sentAfter[1] - sentBefore[1];
                double perFrame = bytes / (double) Math.max(1, frames);
                double chunks = Math.ceil(perFrame / MediaPacket.MAX_PAYLOAD);
                double kbits = (bytes + frames * chunks * OVERHEAD_PER_CHUNK) * 8 / 1e3 / elapsed / n;
                double encode = calls.stream().mapToDouble(c -> c.stats().encodeMillis()).average().orElse(0);
                double decode = calls.stream().mapToDouble(c -> c.stats().decodeMillis()).average().orElse(0);
                Collections.sort(latencies);
                long p50 = CallLatencyBench.pct(latencies, 50);
                long p99 = CallLatencyBench.pct(latencies, 99);
                boolean ok = worst >= CARRIED_FPS && p99 >= 0 && p99 <= CARRIED_P99_MILLIS;
                long shownTotal = shownAfter.values().stream().mapToLong(Long::longValue).sum()
                    - shownBefore.values().stream().mapToLong(Long::longValue).sum();
                CostModel model = new CostModel(delta(threadsAfter, threadsBefore, "call-video") / Math.max(1, frames),
                    delta(threadsAfter, threadsBefore, "call-decoder") / Math.max(1, shownTotal),
                    (delta(threadsAfter, threadsBefore, "call-receiver") + delta(threadsAfter, threadsBefore,
                        "call-clock")) / elapsed / n, Math.max(0, process - threads) / n);
                models.add(model);
                System.out.printf(Locale.ROOT, "%d | %.1f | %d / %d | %.1f | %.0f | %.1f / %.1f | %.0f %% | %.0f %% | %s%n",
                    n, worst, p50, p99, perFrame / 1e3, kbits, encode, decode, threads / n * 100, process * 100,
                    ok ? "yes" : "no");
                return ok;
            } finally {
                calls.forEach(Call::close);
            }
        }
    }

    /** Frames shown so far, per (receiver, sender) pair. */
    private static Map<String, Long> shown(List<Call> calls) {
        Map<String, Long> shown = new HashMap<>();
        for (Call call : calls) {
            CallStats stats = call.stats();
            for (PeerStats peer : stats.peers()) {
                shown.put(stats.sessionId() + ">" + peer.sessionId(), peer.framesShown());
            }
        }
        return shown;
    }

    /** Frames and JPEG bytes sent so far by all. */
    private static long[] sent(List<Call> calls) {
        long frames = 0;
        long bytes = 0;
        for (Call call : calls) {
            CallStats stats = call.stats();
            frames += stats.framesSent();
            bytes += stats.bytesSent();
        }
        return new long[] {frames, bytes};
    }

    /** CPU seconds used so far by the call threads, summed per thread name ({@code call-video}, ...). */
    private static Map<String, Double> callThreadsCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Double> seconds = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("call-")) {
                double cpu = Math.max(0, threads.getThreadCpuTime(info.getThreadId())) / 1e9;
                seconds.merge(info.getThreadName(), cpu, Double::sum);
            }
        }
        return seconds;
    }

    private static double sum(Map<String, Double> cpu) {
        return cpu.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static double delta(Map<String, Double> after, Map<String, Double> before, String thread) {
        return after.getOrDefault(thread, 0.0) - before.getOrDefault(thread, 0.0);
    }

    /**
     * What the machine would carry if the call had both cores to itself: CPU time per frame sent
     * (capture, encode, packetize: {@code call-video}) and per frame shown ({@code call-decoder}), the
     * rest of a participant's threads per second, and the relay's share, all measured as CPU time
     * (which a busy machine inflates far less than wall time), put together for N participants at 15 fps:
     * N × (15 × send + 15 × (N − 1) × show + rest) + relay × N / measured N ≤ 2 cores.
     */
    private record CostModel(double sendSeconds, double showSeconds, double restPerSecond, double relayPerParticipant) {

        double cores(int n) {
            return n * (FPS * sendSeconds + FPS * (n - 1) * showSeconds + restPerSecond + relayPerParticipant);
        }

        int largestOn(double cores) {
            int n = 1;
            while (cores(n + 1) <= cores) {
                n++;
            }
            return n;
        }
    }

    /**
     * One thread drawing, encoding and decoding the synthetic 640×480 picture for 5 s, after 2 s of
     * warm-up (the first Java2D text and the first JPEG load classes and fonts for seconds).
     *
     * @param framesPerSecond on the wall clock, which a busy machine slows
     * @param cpuMillis       CPU time per frame, which it slows much less
     */
    private record Reference(double framesPerSecond, double cpuMillis) {
    }

    private static Reference codingReference() {
        SyntheticVideo video = new SyntheticVideo(640, 480, "reference");
        codeFor(video, 2_000);
        return codeFor(video, 5_000);
    }

    private static Reference codeFor(SyntheticVideo video, long millis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        int frames = 0;
        while (System.nanoTime() < end) {
            BufferedImage picture = video.capture(frames, System.currentTimeMillis());
            JpegCodec.decode(JpegCodec.encode(picture, 0.7f));
            frames++;
        }
        return new Reference(frames / ((System.nanoTime() - start) / 1e9),
            (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / frames);
    }
}
