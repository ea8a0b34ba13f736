package dev.huddle.system;

import static dev.huddle.system.FileFixture.account;
import static dev.huddle.system.FileFixture.room;
import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.client.files.LineFiles;
import dev.huddle.client.files.Progress;
import dev.huddle.client.files.Sha256;
import dev.huddle.contracts.chat.FileTarget;
import dev.huddle.server.runtime.RunningService;
import dev.huddle.server.testing.TestNodes;
import dev.huddle.system.FileFixture.Account;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The instance that took a file goes away; one started on the same data directory serves the file
 * and finishes the upload that was halfway through.
 */
class FilesSurviveRestartTest extends FileClusterTest {

    @Test
    void storedFilesAndHalfDoneUploadsOutliveTheInstanceThatTookThem() {
        byte[] stored = FileFixture.pdf();
        byte[] halfDone = FileFixture.random(1024 * 1024, 51);
        Account alice;
        long id;
        JsonObject file;
        String location;
        try (RawLineClient line = RawLineClient.connect(cluster.linePortB)) {
            alice = account(line);
            id = room(line, alice);
        }
        try (LineFiles files = LineFiles.open("127.0.0.1", cluster.linePortA, Duration.ofSeconds(15))) {
            file = files.upload(alice.token(), new FileTarget.Room(id), new ByteArrayInputStream(stored), stored.length,
                Sha256.hex(stored), "kept.pdf", Progress.NONE);
        }
        TusHttp tusA = new TusHttp(cluster.httpPort(cluster.chatA));
        HttpResponse<String> created = tusA.create(alice.token(), halfDone.length,
            TusHttp.metadata("later.bin", Long.toString(id), Sha256.hex(halfDone)));
        location = created.headers().firstValue("Location").orElseThrow();
        assertThat(tusA.patch(alice.token(), location, 0, Arrays.copyOf(halfDone, 400_000)).statusCode()).isEqualTo(204);

        cluster.chatA.stop().await();
        int linePort = TestNodes.freePort();
        RunningService restarted = cluster.startAnotherChat(linePort);
        try (LineFiles files = LineFiles.open("127.0.0.1", linePort, Duration.ofSeconds(15))) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            files.download(alice.token(), file.getLong("id"), got, Progress.NONE);
            assertThat(got.toByteArray()).isEqualTo(stored);

            TusHttp tusC = new TusHttp(cluster.httpPort(restarted));
            assertThat(tusC.head(alice.token(), location).headers().firstValue("Upload-Offset")).hasValue("400000");
            HttpResponse<String> rest = tusC.patch(alice.token(), location, 400_000,
                Arrays.copyOfRange(halfDone, 400_000, halfDone.length));
            assertThat(rest.statusCode()).isEqualTo(204);
            long laterId = Long.parseLong(rest.headers().firstValue("Huddle-File-Id").orElseThrow());
            ByteArrayOutputStream later = new ByteArrayOutputStream();
            files.download(alice.token(), laterId, later, Progress.NONE);
            assertThat(later.toByteArray()).isEqualTo(halfDone);
        } finally {
            restarted.stop().await();
        }
    }
}
