package dev.huddle.bench;

import dev.huddle.client.files.LineFiles;
import dev.huddle.client.files.Progress;
import dev.huddle.client.files.Sha256;
import dev.huddle.contracts.chat.FileTarget;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * File transfer throughput and memory of a running chat-service, beside a plain reference measured in
 * the same run (the machine is shared; only same-run ratios mean anything):
 * <ul>
 *   <li>download: {@code curl} from chat-service's {@code GET /api/files/{id}} and from
 *       {@code python3 -m http.server} serving the same file;</li>
 *   <li>upload: {@code curl -T} as one tus PATCH to chat-service (declared with POST first, not timed;
 *       the PATCH's time includes the SHA-256 check, storing and announcing the file) and to
 *       {@link PlainUploadServer}, which only writes the body to disk;</li>
 *   <li>the line protocol both ways with {@link LineFiles};</li>
 *   <li>chat-service's heap while {@code --concurrent} uploads of the file run at once (sampled from
 *       {@code /metrics} every 50 ms, garbage included), against the heap after a full GC before and
 *       after.</li>
 * </ul>
 * Rounds alternate the contenders so drift hits both alike; the medians are reported.
 *
 * <pre>
 * java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' dev.huddle.bench.FileTransferBench \
 *   --auth-port 18081 --room-port 18082 --chat-http-port 18083 --line-port 17000 --chat-pid PID
 * </pre>
 */
public final class FileTransferBench {

    private static final String PLAIN_UPLOAD = "upload, plain Vert.x server (curl -T)";
    private static final String PLAIN_DOWNLOAD = "download, python3 -m http.server (curl)";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Map<String, String> options;
    private final String host = "127.0.0.1";
    private final int chatHttp;
    private final Path work;
    private String token;
    private long projectId;

    private FileTransferBench(Map<String, String> options) throws IOException {
        this.options = options;
        this.chatHttp = port("chat-http-port", 8083);
        this.work = Files.createTempDirectory("huddle-filebench");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new FileTransferBench(options).run();
    }

    private void run() throws Exception {
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        int sizeMiB = Integer.parseInt(options.getOrDefault("size-mib", "25"));
        int concurrent = Integer.parseInt(options.getOrDefault("concurrent", "10"));
        setUp();
        Path file = work.resolve("file.bin");
        byte[] bytes = new byte[sizeMiB * 1024 * 1024];
        new Random(7).nextBytes(bytes);
        Files.write(file, bytes);
        String sha = Sha256.hex(bytes);
        Files.createDirectories(work.resolve("plain"));
        int pythonPort = freePort();
        Process python = new ProcessBuilder("python3", "-m", "http.server", Integer.toString(pythonPort), "--bind", host,
            "--directory", work.toString()).redirectErrorStream(true).redirectOutput(work.resolve("python.log").toFile())
            .start();
        PlainUploadServer plain = PlainUploadServer.start(work.resolve("plain"));
        try {
            waitForPort(pythonPort);
            System.out.printf(Locale.ROOT, "file: %d MiB, %d rounds, %s%n", sizeMiB, rounds, sha);
            Map<String, List<Double>> seconds = new java.util.LinkedHashMap<>();
            for (int round = 0; round <= rounds; round++) {
                Map<String, Double> one = round(file, bytes.length, sha, pythonPort, plain.port());
                if (round == 0) {
                    continue; // warm-up: JIT, page cache
                }
                one.forEach((k, v) -> seconds.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                Files.list(work.resolve("plain")).forEach(FileTransferBench::delete);
            }
            report(seconds, bytes.length);
            heapDuringUploads(file, bytes.length, sha, concurrent);
        } finally {
            plain.close();
            python.destroy();
        }
    }

    private Map<String, Double> round(Path file, long size, String sha, int pythonPort, int plainPort) throws Exception {
        Map<String, Double> s = new java.util.LinkedHashMap<>();
        s.put(PLAIN_UPLOAD, curl("-T", file.toString(), "-X", "PUT",
            "http://" + host + ":" + plainPort + "/f"));
        String location = create(size, sha, "bench.bin");
        s.put("upload, chat-service tus PATCH (curl -T)", curl("-T", file.toString(), "-X", "PATCH",
            "-H", "Tus-Resumable: 1.0.0", "-H", "Upload-Offset: 0", "-H", "Content-Type: application/offset+octet-stream",
            "-H", "Authorization: Bearer " + token, "http://" + host + ":" + chatHttp + location));
        long fileId = lastFileId();
        long start = System.nanoTime();
        JsonObject viaLine;
        try (LineFiles line = lineFiles(); InputStream in = Files.newInputStream(file)) {
            viaLine = line.upload(token, new FileTarget.Room(projectId), in, size, sha, "bench-line.bin", Progress.NONE);
        }
        s.put("upload, chat-service line protocol (LineFiles)", (System.nanoTime() - start) / 1e9);

        s.put(PLAIN_DOWNLOAD, curl("-o", "/dev/null",
            "http://" + host + ":" + pythonPort + "/file.bin"));
        s.put("download, chat-service GET /api/files/{id} (curl)", curl("-o", "/dev/null",
            "-H", "Authorization: Bearer " + token, "http://" + host + ":" + chatHttp + "/api/files/" + fileId));
        start = System.nanoTime();
        try (LineFiles line = lineFiles()) {
            line.download(token, viaLine.getLong("id"), OutputStream.nullOutputStream(), Progress.NONE);
        }
        s.put("download, chat-service line protocol (LineFiles)", (System.nanoTime() - start) / 1e9);
        remove(fileId);
        remove(viaLine.getLong("id"));
        return s;
    }

    /** One table row per contender: median MB/s (10^6 bytes/s), and its ratio to the same run's ceiling. */
    private void report(Map<String, List<Double>> seconds, long size) {
        double uploadCeiling = size / 1e6 / median(seconds.get(PLAIN_UPLOAD));
        double downloadCeiling = size / 1e6 / median(seconds.get(PLAIN_DOWNLOAD));
        System.out.println();
        System.out.println("| transfer | median MB/s | × the same run's plain server | runs (s) |");
        System.out.println("|---|---|---|---|");
        seconds.forEach((name, times) -> {
            double rate = size / 1e6 / median(times);
            double ceiling = name.startsWith("upload") ? uploadCeiling : downloadCeiling;
            System.out.printf(Locale.ROOT, "| %s | **%.0f** | %.2f | %s |%n", name, rate, rate / ceiling,
                times.stream().map(t -> String.format(Locale.ROOT, "%.3f", t)).toList());
        });
    }

    private void heapDuringUploads(Path file, long size, String sha, int concurrent) throws Exception {
        if (!options.containsKey("chat-pid")) {
            System.out.println("(no --chat-pid: heap not measured)");
            return;
        }
        HeapProbe probe = new HeapProbe(Long.parseLong(options.get("chat-pid")), host, chatHttp);
        long before = probe.heapUsedBytes();
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < concurrent; i++) {
            locations.add(create(size, sha, "concurrent-" + i + ".bin"));
        }
        AtomicLong peak = new AtomicLong();
        List<Process> uploads = new ArrayList<>();
        long start = System.nanoTime();
        for (String location : locations) {
            uploads.add(new ProcessBuilder("curl", "-s", "-f", "-o", "/dev/null", "-T", file.toString(), "-X", "PATCH",
                "-H", "Tus-Resumable: 1.0.0", "-H", "Upload-Offset: 0", "-H",
                "Content-Type: application/offset+octet-stream", "-H", "Authorization: Bearer " + token,
                "http://" + host + ":" + chatHttp + location).start());
        }
        List<Long> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread sampler = Thread.ofPlatform().start(() -> {
            while (uploads.stream().anyMatch(Process::isAlive)) {
                long now = probe.heapUsedNowBytes();
                samples.add(now);
                peak.accumulateAndGet(now, Math::max);
                Blocking.sleep(50);
            }
        });
        Blocking.sleep(200);
        // the live set while the uploads are in flight: what streaming keeps once the garbage is collected
        long live = probe.heapUsedAfterOneGcBytes();
        long stillRunning = uploads.stream().filter(Process::isAlive).count();
        sampler.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        int failed = 0;
        for (Process upload : uploads) {
            failed += upload.waitFor() == 0 ? 0 : 1;
        }
        long after = probe.heapUsedBytes();
        System.out.println();
        System.out.printf(Locale.ROOT, "%d concurrent %d MiB uploads (%d MiB in flight): %.1f s, %.0f MB/s together,"
                + " %d failed%n", concurrent, size >> 20, (size * concurrent) >> 20, elapsed,
            size * concurrent / 1e6 / elapsed, failed);
        System.out.printf(Locale.ROOT, "chat-service heap: %.1f MiB after GC before; %.1f MiB after a GC during the"
                + " uploads (%d of %d still running); peak %.1f MiB during (%d samples, garbage included); %.1f MiB"
                + " after GC after%n", before / 1048576.0, live / 1048576.0, stillRunning, concurrent,
            peak.get() / 1048576.0, samples.size(), after / 1048576.0);
        for (long id = lastFileId(), n = 0; n < concurrent; n++, id--) {
            remove(id);
        }
    }

    // ---------------------------------------------------------------- setup and HTTP

    private void setUp() {
        String name = "fbench" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String auth = "http://" + host + ":" + port("auth-port", 8081);
        post(auth + "/api/auth/register", null, new JsonObject().put("username", name)
            .put("email", name + "@example.com").put("password", "correct horse battery"));
        token = new JsonObject(post(auth + "/api/auth/login", null, new JsonObject().put("username", name)
            .put("password", "correct horse battery"))).getString("token");
        projectId = new JsonObject(post("http://" + host + ":" + port("room-port", 8082) + "/api/projects", token,
            new JsonObject().put("name", "file bench"))).getJsonObject("project", new JsonObject()).getLong("id",
            0L);
        if (projectId == 0) {
            throw new IllegalStateException("no project created");
        }
    }

    private String create(long size, String sha, String name) {
        String metadata = "filename " + b64(name) + ",target " + b64(Long.toString(projectId)) + ",sha256 " + b64(sha);
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + chatHttp
                + "/api/files/uploads")).header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
            .header("Upload-Length", Long.toString(size)).header("Upload-Metadata", metadata)
            .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("tus creation: " + created.statusCode() + " " + created.body());
        }
        return created.headers().firstValue("Location").orElseThrow();
    }

    private long lastFileId() {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + chatHttp
            + "/api/files?limit=1&target=" + projectId)).header("Authorization", "Bearer " + token).build());
        return new JsonObject(page.body()).getJsonArray("files").getJsonObject(0).getLong("id");
    }

    private void remove(long fileId) {
        send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + chatHttp + "/api/files/" + fileId))
            .header("Authorization", "Bearer " + token).DELETE().build());
    }

    private String post(String url, String bearer, JsonObject body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build()).body();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Seconds curl took ({@code %{time_total}}); fails on any HTTP error. */
    private static double curl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-f", "-o", "/dev/null", "-w", "%{time_total}"));
        command.addAll(List.of(args));
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (curl.waitFor() != 0) {
            throw new IllegalStateException("curl failed (" + curl.exitValue() + "): " + command + " " + out);
        }
        return Double.parseDouble(out);
    }

    private LineFiles lineFiles() {
        return LineFiles.open(host, port("line-port", 7000), Duration.ofSeconds(60));
    }

    private int port(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void waitForPort(int port) {
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket(host, port)) {
                return;
            } catch (IOException notYet) {
                Blocking.sleep(100);
            }
        }
        throw new IllegalStateException("python3 -m http.server did not start on " + port);
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the temp directory is removed with the machine's tmp
        }
    }
}
