package dev.huddle.system;

import static dev.huddle.system.FileFixture.account;
import static dev.huddle.system.FileFixture.room;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.client.files.LineFiles;
import dev.huddle.client.files.Progress;
import dev.huddle.client.files.Sha256;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.FileSize;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.FileTarget;
import dev.huddle.contracts.chat.Reply;
import dev.huddle.server.testing.Eventually;
import dev.huddle.system.FileFixture.Account;
import dev.huddle.system.FileFixture.Sample;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Files over the line protocol against real services (auth, rooms, two chat-service instances
 * sharing a data directory): raw bytes after {@code READY upload} and after {@code OK download},
 * and every refusal leaving nothing behind.
 */
class FilesOverTheLineTest extends FileClusterTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void everyKindOfFileRoundTripsThroughTwoInstancesByteForByte() {
        try (RawLineClient a = RawLineClient.connect(cluster.linePortA); RawLineClient b = RawLineClient.connect(cluster.linePortB)) {
            Account alice = account(a);
            Account bob = account(b);
            long id = room(a, alice, bob);
            b.ok("join " + bob.token() + " " + id);
            for (Sample sample : FileFixture.samples()) {
                JsonObject stored;
                try (LineFiles up = files(cluster.linePortA)) {
                    stored = up.upload(alice.token(), new FileTarget.Room(id), new ByteArrayInputStream(sample.bytes()),
                        sample.bytes().length, sample.sha256(), sample.name(), Progress.NONE);
                }
                assertThat(stored.getString("name")).isEqualTo(sample.name());
                assertThat(stored.getLong("size")).isEqualTo(sample.bytes().length);
                assertThat(stored.getString("sha256")).isEqualTo(sample.sha256());
                assertThat(stored.getString("contentType")).isEqualTo(sample.contentType());

                Reply.Event shared = b.awaitEvent(e -> e.type().equals("chat") && e.json().containsKey("file")
                    && e.json().getJsonObject("file").getLong("id").equals(stored.getLong("id")));
                assertThat(shared.json().getString("text")).startsWith("shared " + sample.name() + " (");
                assertThat(shared.json().getString("username")).isEqualTo(alice.name());

                ByteArrayOutputStream received = new ByteArrayOutputStream();
                try (LineFiles down = files(cluster.linePortB)) {
                    JsonObject announced = down.download(bob.token(), stored.getLong("id"), received, Progress.NONE);
                    assertThat(announced).isEqualTo(stored);
                }
                assertThat(received.toByteArray()).isEqualTo(sample.bytes());
            }
            JsonArray history = b.ok("history " + bob.token() + " " + id).getJsonArray("messages");
            assertThat(history.stream().map(m -> ((JsonObject) m).getString("text")))
                .containsExactly(FileFixture.samples().stream().map(s -> "shared " + s.name() + " ("
                    + humanSize(s.bytes().length) + ")").toArray(String[]::new));
        }
    }

    @Test
    void anUploadOverTheLimitIsRefusedBeforeAnyByteAndTheConnectionStays() {
        try (RawLineClient a = RawLineClient.connect(cluster.linePortA)) {
            Account alice = account(a);
            long id = room(a, alice);
            String sha = Sha256.hex(new byte[0]);
            assertThat(a.send("upload " + alice.token() + " " + id + " " + (FileFixture.MAX_BYTES + 1) + " " + sha
                + " big.iso")).startsWith("ERR upload TOO_LARGE ");
            assertThat(a.send("whoami " + alice.token())).startsWith("OK whoami ");
            assertThat(FileFixture.parts(root)).isEmpty();
        }
    }

    @Test
    void bytesPipedRightAfterTheUploadLineAreTheFileAsWithNc() {
        byte[] bytes = "Xin chào, file gửi qua nc\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        try (RawLineClient a = RawLineClient.connect(cluster.linePortA)) {
            Account alice = account(a);
            long id = room(a, alice);
            String line = "upload " + alice.token() + " " + id + " " + bytes.length + " " + Sha256.hex(bytes)
                + " notes.txt\n";
            byte[] whoami = ("whoami " + alice.token() + "\n").getBytes(StandardCharsets.UTF_8);
            a.sendRaw(concat(line.getBytes(StandardCharsets.UTF_8), bytes, whoami));
            assertThat(a.nextReply()).startsWith("READY upload {\"uploadId\":\"");
            String ok = a.nextReply();
            assertThat(ok).startsWith("OK upload {").contains("\"contentType\":\"text/plain; charset=utf-8\"");
            assertThat(a.nextReply()).startsWith("OK whoami ");
        }
    }

    @Test
    void fewerBytesThanDeclaredIsASizeMismatchAndLeavesNothing() {
        try (RawLineClient a = RawLineClient.connect(cluster.linePortA)) {
            Account alice = account(a);
            long id = room(a, alice);
            byte[] bytes = FileFixture.random(10_000, 7);
            a.sendRaw(("upload " + alice.token() + " " + id + " 20000 " + Sha256.hex(bytes) + " half.bin\n")
                .getBytes(StandardCharsets.UTF_8));
            assertThat(a.nextReply()).startsWith("READY upload ");
            a.sendRaw(bytes);
            assertThat(a.nextReply()).startsWith("ERR upload SIZE_MISMATCH expected 20000 bytes, received 10000");
            assertThat(a.send("whoami " + alice.token())).startsWith("OK whoami ");
            assertNothingStoredIn(a, alice, id);
        }
    }

    @Test
    void moreBytesThanDeclaredFailTheHashAndTheRestIsReadAsLines() {
        try (RawLineClient a = RawLineClient.connect(cluster.linePortA)) {
            Account alice = account(a);
            long id = room(a, alice);
            byte[] meant = "the whole text, longer than declared".getBytes(StandardCharsets.UTF_8);
            a.sendRaw(("upload " + alice.token() + " " + id + " 9 " + Sha256.hex(meant) + " short.txt\n")
                .getBytes(StandardCharsets.UTF_8));
            assertThat(a.nextReply()).startsWith("READY upload ");
            a.sendRaw(concat("the whole".getBytes(StandardCharsets.UTF_8),
                ("\nwhoami " + alice.token() + "\n").getBytes(StandardCharsets.UTF_8)));
            assertThat(a.nextReply()).startsWith("ERR upload CHECKSUM_MISMATCH ");
            assertThat(a.nextReply()).startsWith("OK whoami ");
            assertNothingStoredIn(a, alice, id);
        }
    }

    @Test
    void bytesThatDoNotMatchTheDeclaredHashAreRefusedAndLeaveNothing() {
        try (RawLineClient a = RawLineClient.connect(cluster.linePortA); LineFiles files = files(cluster.linePortA)) {
            Account alice = account(a);
            long id = room(a, alice);
            byte[] bytes = FileFixture.random(70_000, 9);
            String wrong = Sha256.hex("something else".getBytes(StandardCharsets.UTF_8));
            assertRefused(() -> files.upload(alice.token(), new FileTarget.Room(id), new ByteArrayInputStream(bytes),
                bytes.length, wrong, "x.bin", Progress.NONE), ErrorCode.CHECKSUM_MISMATCH);
            assertNothingStoredIn(a, alice, id);
        }
    }

    @Test
    void aQuotaCountsStoredFilesAndADroppedUploadGivesItsShareBack() throws IOException {
        byte[] threeMiB = FileFixture.random(3 * 1024 * 1024, 11);
        byte[] fourMiB = FileFixture.random(4 * 1024 * 1024, 12);
        try (RawLineClient a = RawLineClient.connect(cluster.linePortA); LineFiles files = files(cluster.linePortA)) {
            Account alice = account(a);
            long id = room(a, alice);
            FileTarget here = new FileTarget.Room(id);
            upload(files, alice, here, threeMiB, "a.bin");
            upload(files, alice, here, threeMiB, "b.bin");

            // 6 MiB stored of 10: a 4 MiB upload starts, its connection drops halfway
            try (RawLineClient cut = RawLineClient.connect(cluster.linePortA)) {
                cut.sendRaw(("upload " + alice.token() + " " + id + " " + fourMiB.length + " " + Sha256.hex(fourMiB)
                    + " cut.bin\n").getBytes(StandardCharsets.UTF_8));
                assertThat(cut.nextReply()).startsWith("READY upload ");
                cut.sendRaw(java.util.Arrays.copyOf(fourMiB, 1024 * 1024));
                Eventually.assertThat(() -> assertThat(FileFixture.parts(root)).isNotEmpty());
            }
            Eventually.assertThat(() -> assertThat(FileFixture.parts(root)).isEmpty());
            // its 4 MiB reservation was freed: 6 + 4 fits; then nothing more does
            upload(files, alice, here, fourMiB, "c.bin");
            assertRefused(() -> files.upload(alice.token(), here, new ByteArrayInputStream(new byte[1]), 1,
                Sha256.hex(new byte[1]), "one-byte-too-many", Progress.NONE), ErrorCode.QUOTA_EXCEEDED);
            assertThat(a.ok("files " + alice.token() + " " + id).getJsonArray("files")).hasSize(3);
        }
    }

    @Test
    void outsidersCanNeitherSendNorFetch() {
        try (RawLineClient a = RawLineClient.connect(cluster.linePortA); LineFiles files = files(cluster.linePortB)) {
            Account alice = account(a);
            Account bob = account(a);
            Account eve = account(a);
            long id = room(a, alice, bob);
            JsonObject roomFile = upload(files, alice, new FileTarget.Room(id), FileFixture.pdf(), "plan.pdf");
            JsonObject direct = upload(files, alice, new FileTarget.User(bob.name()), FileFixture.png(), "for-bob.png");

            assertThat(a.send("upload " + eve.token() + " " + id + " 1 " + Sha256.hex(new byte[1]) + " x"))
                .startsWith("ERR upload NOT_MEMBER ");
            assertRefused(() -> files.download(eve.token(), roomFile.getLong("id"), new ByteArrayOutputStream(),
                Progress.NONE), ErrorCode.NOT_MEMBER);
            assertRefused(() -> files.download(eve.token(), direct.getLong("id"), new ByteArrayOutputStream(),
                Progress.NONE), ErrorCode.NOT_MEMBER);
            assertThat(a.send("files " + eve.token() + " " + id)).startsWith("ERR files NOT_MEMBER ");
            assertThat(a.send("delete_file " + eve.token() + " " + roomFile.getLong("id")))
                .startsWith("ERR delete_file NOT_MEMBER ");

            ByteArrayOutputStream got = new ByteArrayOutputStream();
            files.download(bob.token(), direct.getLong("id"), got, Progress.NONE);
            assertThat(got.toByteArray()).isEqualTo(FileFixture.png());
            assertThat(a.send("upload " + alice.token() + " @nobody_here 1 " + Sha256.hex(new byte[1]) + " x"))
                .startsWith("ERR upload UNKNOWN_USER ");
        }
    }

    @Test
    void namesAreCleanedAndNeverBecomePaths() {
        try (RawLineClient a = RawLineClient.connect(cluster.linePortA); LineFiles files = files(cluster.linePortA)) {
            Account alice = account(a);
            long id = room(a, alice);
            JsonObject traversal = upload(files, alice, new FileTarget.Room(id), "root:x:0:0".getBytes(), "../../etc/passwd");
            JsonObject control = upload(files, alice, new FileTarget.Room(id), "hi".getBytes(),
                "in\u0007voice\u202Egpj.exe");
            assertThat(traversal.getString("name")).isEqualTo("etcpasswd");
            assertThat(control.getString("name")).isEqualTo("invoicegpj.exe");
            assertThat(Files.exists(root.resolve("etc"))).isFalse();
            assertThat(FileFixture.storeFiles(root)).allSatisfy(p ->
                assertThat(p.getFileName().toString()).matches("[0-9a-f]{32}"));
        }
    }

    @Test
    void aDownloadIsNeverInterruptedByEventsWhichFollowIt() {
        byte[] big = FileFixture.random(3 * 1024 * 1024, 13);
        try (RawLineClient a = RawLineClient.connect(cluster.linePortA); LineFiles files = files(cluster.linePortA)) {
            Account alice = account(a);
            Account bob = account(a);
            long id = room(a, alice, bob);
            JsonObject stored = upload(files, alice, new FileTarget.Room(id), big, "big.bin");
            files.request(new Command.Join(alice.token(), id));
            Thread chatter = new Thread(() -> {
                try (RawLineClient b = RawLineClient.connect(cluster.linePortB)) {
                    for (int i = 0; i < 30; i++) {
                        b.ok("chat " + bob.token() + " " + id + " during the download " + i);
                    }
                }
            });
            chatter.start();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            files.download(alice.token(), stored.getLong("id"), received, (done, total) -> {
            });
            assertThat(received.toByteArray()).isEqualTo(big);
            join(chatter);
            Eventually.assertThat(() -> {
                files.request(new Command.Whoami(alice.token()));
                assertThat(files.events().stream().filter(e -> e.type().equals("chat")).count()).isEqualTo(30);
            });
        }
    }

    @Test
    void listingIsNewestFirstAndPagedAndRemovalRewritesTheChatLine() {
        try (RawLineClient a = RawLineClient.connect(cluster.linePortA); RawLineClient b = RawLineClient.connect(cluster.linePortB);
             LineFiles files = files(cluster.linePortA)) {
            Account owner = account(a);
            Account alice = account(a);
            Account bob = account(b);
            long id = room(a, owner, alice, bob);
            JsonObject first = upload(files, alice, new FileTarget.Room(id), "one".getBytes(), "one.txt");
            JsonObject second = upload(files, alice, new FileTarget.Room(id), "two".getBytes(), "two.txt");
            JsonObject third = upload(files, bob, new FileTarget.Room(id), "three".getBytes(), "three.txt");

            JsonObject page = a.ok("files " + alice.token() + " " + id + " 2");
            assertThat(ids(page)).containsExactly(third.getLong("id"), second.getLong("id"));
            assertThat(page.getBoolean("hasMore")).isTrue();
            assertThat(ids(a.ok("files " + alice.token() + " " + id + " - " + second.getLong("id"))))
                .containsExactly(first.getLong("id"));

            b.ok("join " + bob.token() + " " + id);
            assertThat(b.send("delete_file " + bob.token() + " " + first.getLong("id")))
                .startsWith("ERR delete_file FORBIDDEN ");
            assertThat(a.ok("delete_file " + alice.token() + " " + first.getLong("id")).getString("text"))
                .isEqualTo("one.txt (3 B) was removed by " + alice.name());
            assertThat(a.ok("delete_file " + owner.token() + " " + third.getLong("id")).getLong("fileId"))
                .isEqualTo(third.getLong("id"));
            Reply.Event removed = b.awaitEvent(e -> e.type().equals("file_deleted")
                && e.json().getLong("fileId").equals(third.getLong("id")));
            assertThat(removed.json().getJsonObject("by").getString("username")).isEqualTo(owner.name());

            List<String> lines = b.ok("history " + bob.token() + " " + id).getJsonArray("messages").stream()
                .map(m -> ((JsonObject) m).getString("text")).toList();
            assertThat(lines).containsExactly("one.txt (3 B) was removed by " + alice.name(), "shared two.txt (3 B)",
                "three.txt (5 B) was removed by " + owner.name());
            assertRefused(() -> files.download(alice.token(), first.getLong("id"), new ByteArrayOutputStream(),
                Progress.NONE), ErrorCode.NOT_FOUND);
            assertThat(ids(a.ok("files " + alice.token() + " " + id))).containsExactly(second.getLong("id"));
        }
    }

    @Test
    void aFileSentToAUserReachesThemAsADirectMessage() {
        try (RawLineClient a = RawLineClient.connect(cluster.linePortA); RawLineClient b = RawLineClient.connect(cluster.linePortB);
             LineFiles files = files(cluster.linePortA)) {
            Account alice = account(a);
            Account bob = account(b);
            b.ok("whoami " + bob.token());
            JsonObject sent = upload(files, alice, new FileTarget.User(bob.name()), FileFixture.docx(), "contract.docx");
            Reply.Event dm = b.awaitEvent(e -> e.type().equals("dm") && e.json().containsKey("file"));
            assertThat(dm.json().getJsonObject("file").getLong("id")).isEqualTo(sent.getLong("id"));
            assertThat(ids(b.ok("files " + bob.token() + " @" + alice.name()))).containsExactly(sent.getLong("id"));
            assertThat(b.ok("dm_history " + bob.token() + " " + alice.name()).getJsonArray("messages"))
                .singleElement().satisfies(m -> assertThat(((JsonObject) m).getJsonObject("file").getString("sha256"))
                    .isEqualTo(sent.getString("sha256")));
        }
    }

    @Test
    void severalPeopleUploadIntoOneRoomAtOnce() throws Exception {
        try (RawLineClient a = RawLineClient.connect(cluster.linePortA)) {
            Account owner = account(a);
            List<Account> people = Stream.generate(() -> account(a)).limit(5).toList();
            long id = room(a, owner, people.toArray(Account[]::new));
            List<byte[]> contents = Stream.iterate(0, i -> i + 1).limit(people.size())
                .map(i -> FileFixture.random(512 * 1024 + i, 100 + i)).toList();
            List<Thread> senders = new java.util.ArrayList<>();
            List<JsonObject> stored = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            for (int i = 0; i < people.size(); i++) {
                int n = i;
                senders.add(Thread.ofPlatform().start(() -> {
                    try (LineFiles files = files(n % 2 == 0 ? cluster.linePortA : cluster.linePortB)) {
                        stored.add(upload(files, people.get(n), new FileTarget.Room(id), contents.get(n), "part" + n));
                    }
                }));
            }
            for (Thread sender : senders) {
                join(sender);
            }
            assertThat(stored).hasSize(people.size());
            try (LineFiles files = files(cluster.linePortB)) {
                for (JsonObject file : stored) {
                    int n = Integer.parseInt(file.getString("name").substring(4));
                    ByteArrayOutputStream got = new ByteArrayOutputStream();
                    files.download(owner.token(), file.getLong("id"), got, Progress.NONE);
                    assertThat(got.toByteArray()).isEqualTo(contents.get(n));
                }
            }
        }
    }

    @Test
    void theActionLogHasABlockPerTransferWithNameSizeAndHashButNoBytes() throws IOException {
        byte[] secret = "TOP-SECRET-CONTENT-NEVER-LOGGED".getBytes(StandardCharsets.UTF_8);
        try (RawLineClient a = RawLineClient.connect(cluster.linePortA); LineFiles files = files(cluster.linePortA)) {
            Account alice = account(a);
            long id = room(a, alice);
            JsonObject stored = upload(files, alice, new FileTarget.Room(id), secret, "secret.txt");
            files.download(alice.token(), stored.getLong("id"), new ByteArrayOutputStream(), Progress.NONE);
        }
        Path logs = root.resolve("chat-service-2/log");
        Eventually.assertThat(() -> {
            String upload = read(logs, "upload_log_");
            String download = read(logs, "download_log_");
            assertThat(upload).contains("ActionName: Upload", "secret.txt", "\"size\":31", Sha256.hex(secret))
                .doesNotContain("TOP-SECRET");
            assertThat(download).contains("ActionName: Download", "secret.txt", Sha256.hex(secret))
                .doesNotContain("TOP-SECRET");
        });
    }

    // ---------------------------------------------------------------- helpers

    private static LineFiles files(int port) {
        return LineFiles.open("127.0.0.1", port, WAIT);
    }

    private static JsonObject upload(LineFiles files, Account who, FileTarget target, byte[] bytes, String name) {
        return files.upload(who.token(), target, new ByteArrayInputStream(bytes), bytes.length, Sha256.hex(bytes), name,
            Progress.NONE);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static void assertNothingStoredIn(RawLineClient client, Account who, long projectId) {
        assertThat(client.ok("files " + who.token() + " " + projectId).getJsonArray("files")).isEmpty();
        assertThat(client.ok("history " + who.token() + " " + projectId).getJsonArray("messages")).isEmpty();
        Eventually.assertThat(() -> assertThat(FileFixture.parts(root)).isEmpty());
    }

    private static List<Long> ids(JsonObject page) {
        return page.getJsonArray("files").stream().map(f -> ((JsonObject) f).getLong("id")).toList();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String humanSize(long bytes) {
        return FileSize.human(bytes);
    }

    private static void join(Thread thread) {
        try {
            thread.join(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String read(Path logs, String prefix) {
        try (Stream<Path> walk = Files.walk(logs)) {
            StringBuilder all = new StringBuilder();
            for (Path p : walk.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                all.append(Files.readString(p));
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
