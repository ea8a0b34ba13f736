package dev.huddle.system;

import dev.huddle.client.store.TokenStore;
import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.client.cli.Cli;
import dev.huddle.client.line.LineConnection;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** huddle-cli as two people would use it, against the real services (auth, rooms, two chat instances). */
class CliEndToEndTest {

    @TempDir
    static Path root;
    static ChatCluster cluster;

    record Run(int status, String out, String err) {
    }

    @BeforeAll
    static void start() {
        cluster = ChatCluster.start(root, Map.of());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void twoPeopleCreateARoomChatAndWriteToEachOther() {
        Path alice = root.resolve("home-alice");
        Path bob = root.resolve("home-bob");
        assertThat(cli(alice, cluster.linePortA, "", "register", "clialice", "violet-anchor-93-drum").status()).isZero();
        assertThat(cli(bob, cluster.linePortB, "", "register", "clibob", "violet-anchor-93-drum").status()).isZero();
        assertThat(cli(alice, cluster.linePortA, "violet-anchor-93-drum\n", "login", "clialice", "-").status()).isZero();
        assertThat(cli(bob, cluster.linePortB, "", "login", "clibob", "violet-anchor-93-drum").status()).isZero();

        Run created = cli(alice, cluster.linePortA, "", "create", "CLI", "room", "--members", "clibob, ghost");
        assertThat(created.status()).isZero();
        assertThat(created.err()).contains("ghost");
        String id = Long.toString(new JsonObject(created.out().strip()).getJsonObject("project").getLong("id"));

        assertThat(cli(alice, cluster.linePortA, "", "send", id, "hello", "from", "the", "cli").status()).isZero();
        Run history = cli(bob, cluster.linePortB, "", "history", id);
        assertThat(history.out()).contains("clialice: hello from the cli - ");

        Run chat = cli(bob, cluster.linePortB, "hi alice\n", "chat", id);
        assertThat(chat.status()).as(chat.err()).isZero();
        assertThat(chat.out()).contains("clialice: hello from the cli - ", "clibob: hi alice - ");

        assertThat(cli(alice, cluster.linePortA, "", "dm", "clibob", "psst").status()).isZero();
        assertThat(cli(bob, cluster.linePortB, "", "dm-history", "clialice").out()).contains("clialice: psst - ");

        assertThat(cli(bob, cluster.linePortB, "", "add", id, "clialice").status()).isEqualTo(1);
        assertThat(cli(alice, cluster.linePortA, "", "logout").status()).isZero();
        Run afterLogout = cli(alice, cluster.linePortA, "", "projects");
        assertThat(afterLogout.status()).isEqualTo(1);
    }

    static Run cli(Path home, int port, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--port", Integer.toString(port)));
        all.addAll(List.of(args));
        Cli cli = new Cli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            LineConnection::open, new TokenStore(home.resolve(".huddle/token")), Map.of());
        int status = cli.run(all.toArray(String[]::new));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
