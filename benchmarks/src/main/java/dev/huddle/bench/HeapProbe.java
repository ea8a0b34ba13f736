package dev.huddle.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * chat-service's live heap, read two ways after forced full GCs:
 * <ul>
 *   <li>{@link #histogram()}: {@code jcmd <pid> GC.class_histogram} (which runs a full GC itself),
 *       bytes per class; {@link Histogram#liveBytes()} leaves out the filler arrays the serial
 *       collector puts in the dead space it chooses not to compact ({@code jdk.internal.vm.FillerElement}),
 *       which are not objects anybody holds;</li>
 *   <li>{@link #heapUsedBytes()}: the sum of {@code jvm_memory_used_bytes{area="heap",...}} on its
 *       {@code /metrics}, after {@code jcmd <pid> GC.run} — what a dashboard shows, filler included.</li>
 * </ul>
 * The difference of two readings is what the objects created in between keep alive.
 */
final class HeapProbe {

    /** One class histogram: instances and bytes per class name. */
    record Histogram(Map<String, long[]> classes) {
        long liveBytes() {
            return classes.entrySet().stream().filter(e -> !e.getKey().contains("FillerElement"))
                .mapToLong(e -> e.getValue()[1]).sum();
        }
    }

    private static final Pattern HISTOGRAM_LINE = Pattern.compile("\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*");

    private final long pid;
    private final URI metrics;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HeapProbe(long pid, String host, int httpPort) {
        this.pid = pid;
        this.metrics = URI.create("http://" + host + ":" + httpPort + "/metrics");
    }

    /** The live objects by class, after a full GC (the histogram command forces one). */
    Histogram histogram() {
        jcmd("GC.run");
        Map<String, long[]> classes = new HashMap<>();
        for (String line : jcmd("GC.class_histogram").split("\n")) {
            Matcher m = HISTOGRAM_LINE.matcher(line);
            if (m.matches()) {
                classes.merge(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
                    (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        return new Histogram(classes);
    }

    /** Heap in use as /metrics reports it, after two forced full GCs. */
    long heapUsedBytes() {
        jcmd("GC.run");
        jcmd("GC.run");
        Blocking.sleep(500);
        return (long) sum(scrape(), "jvm_memory_used_bytes{area=\"heap\"");
    }

    /** Heap in use as /metrics reports it right after one forced full GC: quick enough to take mid-transfer. */
    long heapUsedAfterOneGcBytes() {
        jcmd("GC.run");
        return (long) sum(scrape(), "jvm_memory_used_bytes{area=\"heap\"");
    }

    /** Heap in use as /metrics reports it right now, garbage included (no GC forced). */
    long heapUsedNowBytes() {
        return (long) sum(scrape(), "jvm_memory_used_bytes{area=\"heap\"");
    }

    private String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("jcmd " + pid + " " + command + " failed (is " + pid
                    + " chat-service?): " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String scrape() {
        try {
            return http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + metrics, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Sums the values of the Prometheus samples whose line starts with {@code prefix}; -1 if none. */
    static double sum(String exposition, String prefix) {
        double total = 0;
        boolean found = false;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(prefix)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? total : -1;
    }
}
