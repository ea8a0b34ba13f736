package dev.huddle.system;

import static dev.huddle.system.FileFixture.account;
import static dev.huddle.system.FileFixture.room;
import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.client.cli.Cli;
import dev.huddle.client.store.TokenStore;
import dev.huddle.client.files.Sha256;
import dev.huddle.client.line.LineConnection;
import dev.huddle.system.FileFixture.Account;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** huddle-cli's send-file, get-file, files and delete-file against the real services. */
class FilesCliTest extends FileClusterTest {

    record Run(int status, String out, String err) {
        JsonObject json() {
            return new JsonObject(out.strip());
        }
    }

    @Test
    void aFileSentWithTheCliIsListedFetchedCheckedAndRemoved() throws IOException {
        byte[] bytes = FileFixture.docx();
        Path source = Files.write(root.resolve("Biên bản họp.docx"), bytes);
        try (RawLineClient line = RawLineClient.connect(cluster.linePortA)) {
            Account alice = account(line);
            Account bob = account(line);
            long id = room(line, alice, bob);
            String room = Long.toString(id);

            Run sent = cli(alice, cluster.chatA, "send-file", room, source.toString());
            assertThat(sent.status()).as(sent.err()).isZero();
            assertThat(sent.err()).isEmpty(); // not a terminal: no progress bar
            assertThat(sent.json().getString("sha256")).isEqualTo(Sha256.hex(bytes));
            long fileId = sent.json().getLong("id");

            Run listed = cli(bob, cluster.chatB, "files", room);
            assertThat(listed.out()).startsWith(fileId + "  Biên bản họp.docx  ")
                .contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document", alice.name());

            Path downloads = Files.createDirectories(root.resolve("downloads-bob"));
            Run fetched = cli(bob, cluster.chatB, "get-file", Long.toString(fileId), "-o", downloads.toString());
            assertThat(fetched.status()).as(fetched.err()).isZero();
            assertThat(Files.readAllBytes(downloads.resolve("Biên bản họp.docx"))).isEqualTo(bytes);
            Path named = downloads.resolve("copy.docx");
            assertThat(cli(bob, cluster.chatA, "get-file", Long.toString(fileId), "-o", named.toString()).status()).isZero();
            assertThat(Files.readAllBytes(named)).isEqualTo(bytes);
            try (var leftovers = Files.list(downloads)) {
                assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "Biên bản họp.docx", "copy.docx");
            }

            Run refused = cli(bob, cluster.chatA, "delete-file", Long.toString(fileId));
            assertThat(refused.status()).isEqualTo(1);
            assertThat(refused.err()).startsWith("ERR FORBIDDEN ");
            assertThat(cli(alice, cluster.chatA, "delete-file", Long.toString(fileId)).status()).isZero();
            Run gone = cli(bob, cluster.chatB, "get-file", Long.toString(fileId), "-o", downloads.toString());
            assertThat(gone.status()).isEqualTo(1);
            assertThat(gone.err()).startsWith("ERR NOT_FOUND ");
        }
    }

    @Test
    void anUploadWhoseConnectionDropsIsResumedByTheCli() throws IOException {
        byte[] bytes = FileFixture.random(3 * 1024 * 1024, 41);
        Path source = Files.write(root.resolve("video.bin"), bytes);
        try (RawLineClient line = RawLineClient.connect(cluster.linePortA);
             CuttingProxy proxy = new CuttingProxy(cluster.httpPort(cluster.chatA), 1024 * 1024)) {
            Account alice = account(line);
            long id = room(line, alice);
            Run sent = cli(alice, proxy.port(), "send-file", Long.toString(id), source.toString());
            assertThat(proxy.hasCut()).isTrue();
            assertThat(sent.status()).as(sent.err()).isZero();
            assertThat(sent.err()).contains("connection lost", "resuming");
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            got.writeBytes(new TusHttp(cluster.httpPort(cluster.chatB)).get(alice.token(),
                "/api/files/" + sent.json().getLong("id")).body());
            assertThat(got.toByteArray()).isEqualTo(bytes);
        }
    }

    @Test
    void aFileForOnePersonGoesToTheirConversation() throws IOException {
        Path source = Files.write(root.resolve("note.txt"), "for your eyes only".getBytes(StandardCharsets.UTF_8));
        try (RawLineClient line = RawLineClient.connect(cluster.linePortA)) {
            Account alice = account(line);
            Account bob = account(line);
            Run sent = cli(alice, cluster.chatA, "send-file", "@" + bob.name(), source.toString());
            assertThat(sent.status()).as(sent.err()).isZero();
            Run listed = cli(bob, cluster.chatB, "files", "@" + alice.name(), "--json");
            assertThat(listed.json().getJsonArray("files").getJsonObject(0).getString("name")).isEqualTo("note.txt");
            assertThat(cli(bob, cluster.chatB, "files", "bob").status()).isEqualTo(2);
        }
    }

    /** Runs the CLI as {@code who} on chat instance A's line port; file transfers use {@code http}'s HTTP port. */
    private static Run cli(Account who, dev.huddle.server.runtime.RunningService http, String... args) {
        return cli(who, cluster.httpPort(http), args);
    }

    private static Run cli(Account who, int httpPort, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--port", Integer.toString(cluster.linePortA), args[0]));
        if (args[0].endsWith("-file") && !args[0].equals("delete-file")) {
            all.addAll(List.of("--http-port", Integer.toString(httpPort)));
        }
        all.addAll(List.of(args).subList(1, args.length));
        Cli cli = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), LineConnection::open,
            new TokenStore(root.resolve("home-" + who.name() + "/.huddle/token")),
            Map.of(Cli.TOKEN_ENV, who.token()));
        int status = cli.run(all.toArray(String[]::new));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
