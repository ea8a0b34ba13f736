package dev.huddle.chat.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.chat.Neighbours;
import dev.huddle.chat.message.MessageRepository;
import dev.huddle.contracts.Role;
import dev.huddle.server.runtime.RunningService;
import dev.huddle.server.runtime.ServiceLauncher;
import dev.huddle.server.testing.MutableClock;
import dev.huddle.server.testing.TestNodes;
import dev.huddle.server.token.Principal;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The janitor on a real node, database and file store, with the clock moved past the TTL. */
class UploadJanitorTest {

    static final Duration TTL = Duration.ofHours(1);
    static final Principal ALICE = new Principal(1, "alice", Role.USER, "t1", Instant.parse("2099-01-01T00:00:00Z"));
    static final String SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    Path root;
    RunningService node;
    MutableClock clock = new MutableClock(Instant.now());
    FileService files;
    LocalDirectoryStore store;
    UploadJanitor janitor;
    Path filesDir;

    @BeforeEach
    void start() {
        node = ServiceLauncher.start(new TestNodes(root).node("chat-service", 0), null,
            (runtime, config) -> Future.succeededFuture(), clock).await();
        var runtime = node.runtime();
        FileConfig config = new FileConfig(1000, 10_000, TTL, Duration.ofSeconds(5));
        files = new FileService(new FileRepository(runtime.database(), new MessageRepository(runtime.database())),
            config, clock);
        filesDir = root.resolve("files");
        store = LocalDirectoryStore.open(runtime.vertx(), filesDir).await();
        FileTransfers transfers = new FileTransfers(runtime, files, store,
            new Neighbours(runtime.vertx().eventBus(), Duration.ofSeconds(1)), config);
        janitor = new UploadJanitor(runtime, files, store, transfers);
    }

    @AfterEach
    void stop() {
        node.stop().await();
    }

    @Test
    void staleUploadsAndLeftoverBytesGoWhileLiveUploadsAndStoredFilesStay() throws Exception {
        PendingUpload stale = declareWithBytes("stale.bin", "half");
        PendingUpload finished = declareWithBytes("done.bin", "");
        store.commitPart(finished.storageKey()).await();
        files.complete(finished, "text/plain");
        String orphan = "0123456789abcdef0123456789abcdef";
        write(orphan, "bytes nobody recorded");

        clock.advance(TTL.plusMinutes(30));
        PendingUpload fresh = declareWithBytes("fresh.bin", "new");

        UploadJanitor.Sweep sweep = janitor.sweep().await();

        assertThat(sweep).isEqualTo(new UploadJanitor.Sweep(2, 1));
        assertThat(Files.exists(filesDir.resolve("parts").resolve(stale.storageKey()))).isFalse();
        assertThat(Files.exists(filesDir.resolve("parts").resolve(orphan))).isFalse();
        assertThat(Files.exists(filesDir.resolve("parts").resolve(fresh.storageKey()))).isTrue();
        assertThat(Files.exists(filesDir.resolve("stored").resolve(finished.storageKey()))).isTrue();
        assertThat(files.reload(stale.id())).isEmpty();
        assertThat(files.reload(finished.id())).isEmpty();
        assertThat(files.reload(fresh.id())).isPresent();
        // the stale upload's reservation is gone with it: its bytes count against nothing
        assertThat(janitor.sweep().await()).isEqualTo(new UploadJanitor.Sweep(0, 0));
    }

    private PendingUpload declareWithBytes(String name, String bytes) {
        PendingUpload upload = files.declare(ALICE, new Destination.Room(7), name, 10, SHA, true);
        write(upload.storageKey(), bytes);
        return upload;
    }

    private void write(String key, String bytes) {
        store.appendToPart(key).compose(part -> part.write(Buffer.buffer(bytes)).compose(v -> part.end())).await();
    }
}
