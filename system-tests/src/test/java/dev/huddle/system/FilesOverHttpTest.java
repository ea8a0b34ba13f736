package dev.huddle.system;

import static dev.huddle.system.FileFixture.account;
import static dev.huddle.system.FileFixture.room;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.client.files.HttpDownload;
import dev.huddle.client.files.Progress;
import dev.huddle.client.files.Sha256;
import dev.huddle.client.files.TusUpload;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.FileTarget;
import dev.huddle.server.testing.Eventually;
import dev.huddle.system.FileFixture.Account;
import dev.huddle.system.FileFixture.Sample;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Files over HTTP against real services: tus uploads (creation, PATCH, HEAD, termination,
 * checksums) on one chat-service instance, downloads with Range and ETag from the other.
 */
class FilesOverHttpTest extends FileClusterTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    static TusHttp tusA;
    static TusHttp tusB;

    @BeforeAll
    static void clients() {
        tusA = new TusHttp(cluster.httpPort(cluster.chatA));
        tusB = new TusHttp(cluster.httpPort(cluster.chatB));
    }

    @Test
    void everyKindOfFileUploadedThroughOneInstanceDownloadsFromTheOther() throws IOException {
        try (RawLineClient line = RawLineClient.connect(cluster.linePortA)) {
            Account alice = account(line);
            Account bob = account(line);
            long id = room(line, alice, bob);
            for (Sample sample : FileFixture.samples()) {
                Path file = root.resolve("upload-" + sample.bytes().length);
                Files.write(file, sample.bytes());
                TusUpload tus = new TusUpload(tusA.uri("/"), alice.token(), WAIT);
                URI upload = tus.create(new FileTarget.Room(id), sample.name(), sample.bytes().length, sample.sha256());
                long fileId = tus.resume(upload, file, Progress.NONE);

                ByteArrayOutputStream received = new ByteArrayOutputStream();
                HttpDownload.Received got = new HttpDownload(tusB.uri("/"), bob.token(), WAIT)
                    .fetch(fileId, received, Progress.NONE);
                assertThat(received.toByteArray()).isEqualTo(sample.bytes());
                assertThat(got.name()).isEqualTo(sample.name());
                assertThat(got.contentType()).isEqualTo(sample.contentType());
                assertThat(got.sha256()).isEqualTo(sample.sha256());
            }
        }
    }

    @Test
    void aDownloadNamesItsFileSafelyAndServesRangesAndEtags() {
        byte[] bytes = FileFixture.pdf();
        try (RawLineClient line = RawLineClient.connect(cluster.linePortA)) {
            Account alice = account(line);
            long id = room(line, alice);
            long fileId = upload(alice, new FileTarget.Room(id), bytes, "Kế hoạch \"Q3\".pdf");
            String path = "/api/files/" + fileId;

            HttpResponse<byte[]> whole = tusB.get(alice.token(), path);
            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(whole.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(whole.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(whole.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"K_ ho_ch Q3.pdf\"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20%22Q3%22.pdf");
            String etag = whole.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).isEqualTo("\"" + Sha256.hex(bytes) + "\"");
            assertThat(whole.headers().firstValue("Repr-Digest")).hasValue("sha-256=:"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(Sha256.hex(bytes))) + ":");

            HttpResponse<byte[]> part = tusB.get(alice.token(), path, "Range", "bytes=100-199");
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + bytes.length);
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(bytes, 100, 200));
            HttpResponse<byte[]> tail = tusB.get(alice.token(), path, "Range", "bytes=-7");
            assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 7, bytes.length));
            assertThat(tusB.get(alice.token(), path, "Range", "bytes=" + bytes.length + "-").statusCode()).isEqualTo(416);
            assertThat(tusB.get(alice.token(), path, "If-None-Match", etag).statusCode()).isEqualTo(304);
            HttpResponse<byte[]> staleRange = tusB.get(alice.token(), path, "Range", "bytes=0-9", "If-Range", "\"old\"");
            assertThat(staleRange.statusCode()).isEqualTo(200);
            assertThat(staleRange.body()).isEqualTo(bytes);
        }
    }

    @Test
    void anOversizedUploadIsRefusedAtCreationBeforeAnyByte() {
        try (RawLineClient line = RawLineClient.connect(cluster.linePortA)) {
            Account alice = account(line);
            long id = room(line, alice);
            HttpResponse<String> refused = tusA.create(alice.token(), FileFixture.MAX_BYTES + 1,
                TusHttp.metadata("huge.iso", Long.toString(id), Sha256.hex(new byte[0])));
            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(new JsonObject(refused.body()).getString("code")).isEqualTo("TOO_LARGE");
        }
    }

    @Test
    void aBodyPastTheDeclaredSizeIsRefusedHavingReadLittleOfIt() throws Exception {
        try (RawLineClient line = RawLineClient.connect(cluster.linePortA)) {
            Account alice = account(line);
            long id = room(line, alice);
            byte[] declared = FileFixture.random(1024, 21);
            String location = created(alice, id, declared, "small.bin");
            long sent = 64L * 1024 * 1024;
            AtomicLong written = new AtomicLong();
            try (TusHttp.Raw raw = tusA.new Raw()) {
                raw.head("PATCH", location, alice.token(), "Upload-Offset", "0",
                    "Content-Type", "application/offset+octet-stream", "Content-Length", Long.toString(sent));
                Thread writer = Thread.ofPlatform().daemon().start(() -> {
                    byte[] block = new byte[64 * 1024];
                    try {
                        while (written.get() < sent) {
                            raw.out.write(block);
                            written.addAndGet(block.length);
                        }
                    } catch (IOException closedByServer) {
                        // the point: the server stopped taking bytes
                    }
                });
                assertThat(raw.answer()).startsWith("HTTP/1.1 400 ").contains("Connection: close");
                writer.join(WAIT.toMillis());
                assertThat(writer.isAlive()).isFalse();
            }
            // what the kernel buffers on loopback, at most: a small part of the 64 MiB announced
            assertThat(written.get()).isLessThan(sent / 4);
            assertThat(tusA.head(alice.token(), location).headers().firstValue("Upload-Offset")).hasValue("0");
        }
    }

    @Test
    void moreBytesThanDeclaredAreTakenBackAndTheUploadCanStillFinish() {
        try (RawLineClient line = RawLineClient.connect(cluster.linePortA)) {
            Account alice = account(line);
            long id = room(line, alice);
            byte[] bytes = FileFixture.random(100_000, 22);
            String location = created(alice, id, bytes, "exact.bin");
            assertThat(tusA.patch(alice.token(), location, 0, Arrays.copyOf(bytes, 50_000)).statusCode()).isEqualTo(204);
            byte[] tooMuch = Arrays.copyOf(Arrays.copyOfRange(bytes, 50_000, bytes.length), 60_000);
            HttpResponse<String> refused = tusA.patch(alice.token(), location, 50_000, tooMuch);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(new JsonObject(refused.body()).getString("code")).isEqualTo("SIZE_MISMATCH");
            assertThat(tusA.head(alice.token(), location).headers().firstValue("Upload-Offset")).hasValue("50000");

            HttpResponse<String> done = tusA.patch(alice.token(), location, 50_000,
                Arrays.copyOfRange(bytes, 50_000, bytes.length));
            assertThat(done.statusCode()).isEqualTo(204);
            assertThat(done.headers().firstValue("Huddle-File-Id")).isPresent();
        }
    }

    @Test
    void fewerBytesThanDeclaredNeverBecomeAFileAndTerminationLeavesNothing() {
        try (RawLineClient line = RawLineClient.connect(cluster.linePortA)) {
            Account alice = account(line);
            long id = room(line, alice);
            byte[] bytes = FileFixture.random(100_000, 23);
            List<Path> before = FileFixture.parts(root);
            String location = created(alice, id, bytes, "half.bin");
            assertThat(tusA.patch(alice.token(), location, 0, Arrays.copyOf(bytes, 40_000)).statusCode()).isEqualTo(204);
            assertThat(line.ok("files " + alice.token() + " " + id).getJsonArray("files")).isEmpty();
            assertThat(tusA.delete(alice.token(), location).statusCode()).isEqualTo(204);
            assertThat(tusA.head(alice.token(), location).statusCode()).isEqualTo(404);
            assertThat(line.ok("history " + alice.token() + " " + id).getJsonArray("messages")).isEmpty();
            assertThat(FileFixture.parts(root)).isEqualTo(before);
        }
    }

    @Test
    void aWholeFileNotMatchingItsHashIsRefusedAndLeavesNothing() {
        try (RawLineClient line = RawLineClient.connect(cluster.linePortA)) {
            Account alice = account(line);
            long id = room(line, alice);
            byte[] bytes = FileFixture.random(30_000, 24);
            List<Path> before = FileFixture.parts(root);
            HttpResponse<String> created = tusA.create(alice.token(), bytes.length,
                TusHttp.metadata("lie.bin", Long.toString(id), Sha256.hex(new byte[]{1, 2, 3})));
            String location = created.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> refused = tusA.patch(alice.token(), location, 0, bytes);
            assertThat(refused.statusCode()).isEqualTo(460);
            assertThat(new JsonObject(refused.body()).getString("code")).isEqualTo("CHECKSUM_MISMATCH");
            assertThat(tusA.head(alice.token(), location).statusCode()).isEqualTo(404);
            assertThat(line.ok("files " + alice.token() + " " + id).getJsonArray("files")).isEmpty();
            assertThat(FileFixture.parts(root)).isEqualTo(before);
        }
    }

    @Test
    void aRequestFailingItsUploadChecksumIsNotKept() throws Exception {
        try (RawLineClient line = RawLineClient.connect(cluster.linePortA)) {
            Account alice = account(line);
            long id = room(line, alice);
            byte[] bytes = FileFixture.random(20_000, 25);
            String location = created(alice, id, bytes, "chunked.bin");
            byte[] first = Arrays.copyOf(bytes, 8_000);
            String wrong = "sha1 " + Base64.getEncoder().encodeToString(
                java.security.MessageDigest.getInstance("SHA-1").digest(new byte[]{9}));
            assertThat(tusA.patch(alice.token(), location, 0, first, "Upload-Checksum", wrong).statusCode()).isEqualTo(460);
            assertThat(tusA.head(alice.token(), location).headers().firstValue("Upload-Offset")).hasValue("0");
            String right = "sha1 " + Base64.getEncoder().encodeToString(
                java.security.MessageDigest.getInstance("SHA-1").digest(first));
            assertThat(tusA.patch(alice.token(), location, 0, first, "Upload-Checksum", right).statusCode()).isEqualTo(204);
            assertThat(tusA.patch(alice.token(), location, 8_000, Arrays.copyOfRange(bytes, 8_000, bytes.length),
                "Upload-Checksum", "crc32 AAAA").statusCode()).isEqualTo(400);
            assertThat(tusA.patch(alice.token(), location, 0, first).statusCode()).isEqualTo(409);
        }
    }

    @Test
    void quotasOutsidersAndOtherPeoplesUploadsAreRefused() {
        try (RawLineClient line = RawLineClient.connect(cluster.linePortA)) {
            Account alice = account(line);
            Account eve = account(line);
            long id = room(line, alice);
            String sha = Sha256.hex(new byte[0]);
            HttpResponse<String> outsider = tusA.create(eve.token(), 10, TusHttp.metadata("x", Long.toString(id), sha));
            assertThat(outsider.statusCode()).isEqualTo(403);
            assertThat(new JsonObject(outsider.body()).getString("code")).isEqualTo("NOT_MEMBER");

            String location = created(alice, id, new byte[10], "mine.bin");
            assertThat(tusA.head(eve.token(), location).statusCode()).isEqualTo(404);
            assertThat(tusA.patch(eve.token(), location, 0, new byte[10]).statusCode()).isEqualTo(404);

            long fileId = upload(alice, new FileTarget.Room(id), "private".getBytes(), "private.txt");
            HttpResponse<byte[]> stranger = tusB.get(eve.token(), "/api/files/" + fileId);
            assertThat(stranger.statusCode()).isEqualTo(403);
            assertThat(new String(stranger.body(), StandardCharsets.UTF_8)).contains("NOT_MEMBER");

            created(alice, id, new byte[(int) FileFixture.MAX_BYTES], "reserve-1");
            created(alice, id, new byte[(int) FileFixture.MAX_BYTES], "reserve-2");
            HttpResponse<String> over = tusA.create(alice.token(), FileFixture.MAX_BYTES,
                TusHttp.metadata("reserve-3", Long.toString(id), sha));
            assertThat(over.statusCode()).isEqualTo(413);
            assertThat(new JsonObject(over.body()).getString("code")).isEqualTo("QUOTA_EXCEEDED");
            assertThat(tusA.create(alice.token(), 10, "filename eA==").statusCode()).isEqualTo(400);
            assertThat(tusA.send(java.net.http.HttpRequest.newBuilder(tusA.uri("/api/files/uploads"))
                .header("Authorization", "Bearer " + alice.token()).header("Upload-Length", "1")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(412);
        }
    }

    @Test
    void aConnectionCutMidRequestResumesFromTheAcknowledgedOffset() throws Exception {
        try (RawLineClient line = RawLineClient.connect(cluster.linePortA)) {
            Account alice = account(line);
            long id = room(line, alice);
            byte[] bytes = FileFixture.random(2 * 1024 * 1024, 26);
            String location = created(alice, id, bytes, "resumed.bin");
            try (TusHttp.Raw raw = tusA.new Raw()) {
                raw.head("PATCH", location, alice.token(), "Upload-Offset", "0",
                    "Content-Type", "application/offset+octet-stream", "Content-Length", Integer.toString(bytes.length));
                raw.out.write(bytes, 0, 700_000);
                raw.out.flush();
                Eventually.assertThat(() -> assertThat(FileFixture.parts(root).stream().mapToLong(FilesOverHttpTest::size)
                    .max().orElse(0)).isGreaterThan(0));
            }
            // HEAD, even on the other instance, waits until the cut request has let go of the upload, then
            // says how much of it the server kept: what it had read before the connection closed
            long offset = Long.parseLong(tusB.head(alice.token(), location).headers().firstValue("Upload-Offset")
                .orElseThrow());
            assertThat(offset).isPositive().isLessThanOrEqualTo(700_000);
            HttpResponse<String> rest = tusB.patch(alice.token(), location, offset,
                Arrays.copyOfRange(bytes, (int) offset, bytes.length));
            assertThat(rest.statusCode()).isEqualTo(204);
            long fileId = Long.parseLong(rest.headers().firstValue("Huddle-File-Id").orElseThrow());
            assertThat(tusA.get(alice.token(), "/api/files/" + fileId).body()).isEqualTo(bytes);
            HttpResponse<String> again = tusA.head(alice.token(), location);
            assertThat(again.headers().firstValue("Huddle-File-Id")).hasValue(Long.toString(fileId));
        }
    }

    @Test
    void aDownloadThatDoesNotMatchItsHashIsRejectedByTheClient() {
        try (RawLineClient line = RawLineClient.connect(cluster.linePortA)) {
            Account alice = account(line);
            long id = room(line, alice);
            byte[] bytes = "honest bytes".getBytes(StandardCharsets.UTF_8);
            long fileId = upload(alice, new FileTarget.Room(id), bytes, "honest.txt");
            Path stored = FileFixture.storeFiles(root).stream()
                .filter(p -> p.getParent().getFileName().toString().equals("stored") && size(p) == bytes.length
                    && Arrays.equals(read(p), bytes)).findFirst().orElseThrow();
            write(stored, "hacked bytes".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> new HttpDownload(tusB.uri("/"), alice.token(), WAIT)
                .fetch(fileId, new ByteArrayOutputStream(), Progress.NONE))
                .isInstanceOfSatisfying(HuddleException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH));
        }
    }

    @Test
    void webSocketClientsSeeFileMessagesListFilesAndAreSentToHttpForBytes() throws Exception {
        try (RawLineClient line = RawLineClient.connect(cluster.linePortA)) {
            Account alice = account(line);
            Account bob = account(line);
            long id = room(line, alice, bob);
            java.util.concurrent.BlockingQueue<JsonObject> frames = new java.util.concurrent.LinkedBlockingQueue<>();
            java.net.http.WebSocket ws = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + cluster.httpPort(cluster.chatB) + "/ws?token=" + bob.token()),
                    new java.net.http.WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();

                        @Override
                        public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket socket,
                                                                              CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                frames.add(new JsonObject(text.toString()));
                                text.setLength(0);
                            }
                            socket.request(1);
                            return null;
                        }
                    }).get();
            // the token in the URL is checked as an auth command first; its reply says the session is bob's
            assertThat(frame(frames, f -> "auth".equals(f.getString("command"))).getBoolean("ok")).isTrue();
            ws.sendText(new JsonObject().put("id", 1).put("command", "join").put("projectId", id).encode(), true).get();
            assertThat(frame(frames, f -> Integer.valueOf(1).equals(f.getValue("id"))).getBoolean("ok")).isTrue();

            long fileId = upload(alice, new FileTarget.Room(id), FileFixture.png(), "diagram.png");
            JsonObject event = frame(frames, f -> "chat".equals(f.getString("event")));
            assertThat(event.getJsonObject("data").getJsonObject("file").getLong("id")).isEqualTo(fileId);
            assertThat(event.getJsonObject("data").getJsonObject("file").getString("contentType")).isEqualTo("image/png");

            ws.sendText(new JsonObject().put("id", 2).put("command", "files").put("target", Long.toString(id)).encode(),
                true).get();
            JsonObject listed = frame(frames, f -> Integer.valueOf(2).equals(f.getValue("id")));
            assertThat(listed.getJsonObject("result").getJsonArray("files").getJsonObject(0).getLong("id"))
                .isEqualTo(fileId);
            ws.sendText(new JsonObject().put("id", 3).put("command", "upload").put("target", Long.toString(id))
                .put("size", 1).put("sha256", Sha256.hex(new byte[1])).put("filename", "x").encode(), true).get();
            JsonObject refused = frame(frames, f -> Integer.valueOf(3).equals(f.getValue("id")));
            assertThat(refused.getJsonObject("error").getString("code")).isEqualTo("BAD_REQUEST");
            assertThat(refused.getJsonObject("error").getString("message")).contains("/api/files/uploads");
            assertThat(line.ok("files " + alice.token() + " " + id).getJsonArray("files")).hasSize(1);
            ws.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "bye").get();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static JsonObject frame(java.util.concurrent.BlockingQueue<JsonObject> frames,
                                    java.util.function.Predicate<JsonObject> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject frame = frames.poll(deadline - System.nanoTime(), java.util.concurrent.TimeUnit.NANOSECONDS);
            if (frame != null && wanted.test(frame)) {
                return frame;
            }
        }
        throw new AssertionError("no such frame within " + WAIT);
    }

    private static String created(Account who, long projectId, byte[] bytes, String name) {
        HttpResponse<String> created = tusA.create(who.token(), bytes.length,
            TusHttp.metadata(name, Long.toString(projectId), Sha256.hex(bytes)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow();
    }

    private static long upload(Account who, FileTarget target, byte[] bytes, String name) {
        Path file = root.resolve("u-" + System.nanoTime());
        write(file, bytes);
        TusUpload tus = new TusUpload(tusA.uri("/"), who.token(), WAIT);
        return tus.resume(tus.create(target, name, bytes.length, Sha256.hex(bytes)), file, Progress.NONE);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void write(Path p, byte[] bytes) {
        try {
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
