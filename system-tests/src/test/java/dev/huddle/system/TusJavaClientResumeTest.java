package dev.huddle.system;

import static dev.huddle.system.FileFixture.account;
import static dev.huddle.system.FileFixture.room;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.client.files.Sha256;
import dev.huddle.system.FileFixture.Account;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A real tus client library (tus-java-client from Maven Central, which speaks PATCH as POST with
 * X-HTTP-Method-Override and waits for 100 Continue) uploads through a proxy that cuts the
 * connection halfway; the client resumes from the offset the server acknowledges and the file
 * arrives whole.
 */
class TusJavaClientResumeTest extends FileClusterTest {

    @Test
    void anUploadCutHalfwayIsResumedByTusJavaClientAndArrivesWhole() throws Exception {
        byte[] bytes = FileFixture.random(3 * 1024 * 1024, 31);
        Path file = root.resolve("big.bin");
        Files.write(file, bytes);
        try (RawLineClient line = RawLineClient.connect(cluster.linePortA);
             CuttingProxy proxy = new CuttingProxy(cluster.httpPort(cluster.chatA), 1024 * 1024)) {
            Account alice = account(line);
            long id = room(line, alice);

            TusClient client = new TusClient();
            client.setUploadCreationURL(new URL("http://127.0.0.1:" + proxy.port() + "/api/files/uploads"));
            client.enableResuming(new TusURLMemoryStore());
            client.setHeaders(Map.of("Authorization", "Bearer " + alice.token()));
            TusUpload upload = new TusUpload(file.toFile());
            upload.setMetadata(Map.of("filename", "big.bin", "target", Long.toString(id), "sha256", Sha256.hex(bytes)));

            TusUploader first = client.resumeOrCreateUpload(upload);
            first.setChunkSize(64 * 1024);
            assertThatThrownBy(() -> {
                while (first.uploadChunk() > -1) {
                    // keeps sending until the proxy cuts the connection
                }
                first.finish();
            }).isInstanceOf(IOException.class);
            assertThat(proxy.hasCut()).isTrue();

            TusUploader resumed = client.resumeOrCreateUpload(upload);
            assertThat(resumed.getOffset()).isPositive().isLessThan(bytes.length);
            assertThat(resumed.getUploadURL()).isEqualTo(first.getUploadURL());
            resumed.setChunkSize(64 * 1024);
            while (resumed.uploadChunk() > -1) {
                // the rest of the file
            }
            resumed.finish();

            JsonObject stored = line.ok("files " + alice.token() + " " + id).getJsonArray("files").getJsonObject(0);
            assertThat(stored.getString("name")).isEqualTo("big.bin");
            assertThat(stored.getString("sha256")).isEqualTo(Sha256.hex(bytes));
            assertThat(new TusHttp(cluster.httpPort(cluster.chatB)).get(alice.token(), "/api/files/" + stored.getLong("id"))
                .body()).isEqualTo(bytes);
        }
    }
}
