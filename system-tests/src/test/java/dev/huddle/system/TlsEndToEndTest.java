package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.client.ClientTls;
import dev.huddle.client.cli.Cli;
import dev.huddle.client.line.LineConnection;
import dev.huddle.client.store.TokenStore;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.Reply;
import dev.huddle.server.trust.DevelopmentTls;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed-004 session over TLS: the real services (auth, rooms, two chat instances) with the
 * certificate {@code ./huddle certs} makes, and the real huddle-cli and client library trusting its
 * CA. A client that does not speak TLS, or trusts another CA, gets nowhere.
 */
class TlsEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path root;
    static ChatCluster cluster;
    static Path ca;

    record Run(int status, String out, String err) {
    }

    @BeforeAll
    static void start() throws Exception {
        Path tls = root.resolve("tls");
        DevelopmentTls.make(tls, List.of(), Clock.systemUTC());
        ca = tls.resolve(DevelopmentTls.CA_CERT);
        cluster = ChatCluster.start(root, Clock.systemUTC(), Map.of(
            "HUDDLE_TLS_CERT", tls.resolve(DevelopmentTls.SERVER_CERT).toString(),
            "HUDDLE_TLS_KEY", tls.resolve(DevelopmentTls.SERVER_KEY).toString()), Map.of());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void theSeedSessionRunsOverTlsThroughTheClientLibrary() {
        try (LineConnection nc = LineConnection.open("localhost", cluster.linePortA, TIMEOUT, ClientTls.trusting(ca))) {
            ok(nc, "reg tlsalice Harbor-lamp-5532-tls tlsalice@example.com");
            ok(nc, "reg tlsbob Orbit-kite-2291-tls tlsbob@example.com");
            String token = ok(nc, "login tlsalice Harbor-lamp-5532-tls").getString("token");
            long project = ok(nc, "new_project " + token + " Seed over TLS").getJsonObject("project").getLong("id");
            ok(nc, "add_group " + token + " " + project + " tlsbob, ghost");
            JsonObject message = ok(nc, "chat " + token + " " + project + " xin chao over TLS");
            assertThat(message.getString("text")).isEqualTo("xin chao over TLS");
            ok(nc, "logout " + token);
        }
    }

    @Test
    void theCliSpeaksTlsTrustingTheGivenCa() throws Exception {
        Path home = root.resolve("home-cli");
        assertThat(cli(home, "--ca", ca.toString(), "register", "tlscarol", "Quiet-river-7710-tls").status()).isZero();
        assertThat(cli(home, "--ca", ca.toString(), "login", "tlscarol", "Quiet-river-7710-tls").status()).isZero();
        Run created = cli(home, "--tls", "--ca", ca.toString(), "create", "TLS", "room");
        assertThat(created.status()).as(created.err()).isZero();
        String id = Long.toString(new JsonObject(created.out().strip()).getJsonObject("project").getLong("id"));
        assertThat(cli(home, "--ca", ca.toString(), "send", id, "over", "tls").status()).isZero();
        assertThat(cli(home, "--ca", ca.toString(), "history", id).out()).contains("tlscarol: over tls - ");

        // files go over https to chat-service's HTTP port, with the same trust
        byte[] bytes = "a report sent over TLS\n".repeat(500).getBytes(StandardCharsets.UTF_8);
        Path source = java.nio.file.Files.write(root.resolve("report.txt"), bytes);
        String httpPort = Integer.toString(cluster.httpPort(cluster.chatB));
        Run sent = cli(home, "--ca", ca.toString(), "send-file", id, source.toString(), "--http-port", httpPort);
        assertThat(sent.status()).as(sent.err()).isZero();
        String fileId = Long.toString(new JsonObject(sent.out().strip()).getLong("id"));
        Path fetched = root.resolve("fetched.txt");
        Run got = cli(home, "--ca", ca.toString(), "get-file", fileId, "-o", fetched.toString(), "--http-port", httpPort);
        assertThat(got.status()).as(got.err()).isZero();
        assertThat(fetched).hasBinaryContent(bytes);

        Run insecure = cli(home, "--insecure", "projects");
        assertThat(insecure.status()).isZero();
        assertThat(insecure.err()).contains("not checked");
    }

    @Test
    void aClientWithoutTlsOrTrustingAnotherCaIsRefused() throws Exception {
        Path otherTls = root.resolve("other-tls");
        DevelopmentTls.make(otherTls, List.of(), Clock.systemUTC());
        Path home = root.resolve("home-refused");

        Run plain = cli(home, "register", "tlsdave", "Quiet-river-7710-tls");
        assertThat(plain.status()).isEqualTo(1);
        Run otherCa = cli(home, "--ca", otherTls.resolve(DevelopmentTls.CA_CERT).toString(),
            "register", "tlsdave", "Quiet-river-7710-tls");
        assertThat(otherCa.status()).isEqualTo(1);
        assertThat(otherCa.err()).contains("UNAVAILABLE");
        Assertions.assertThatThrownBy(() -> LineConnection.open("localhost", cluster.linePortA, TIMEOUT,
                ClientTls.systemTrust()))
            .isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }

    private static JsonObject ok(LineConnection connection, String line) {
        Reply reply = connection.requestLine(line);
        assertThat(reply).as(line).isInstanceOf(Reply.Ok.class);
        return (JsonObject) ((Reply.Ok) reply).json();
    }

    private static Run cli(Path home, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--host", "localhost", "--port", Integer.toString(cluster.linePortB)));
        all.addAll(List.of(args));
        Cli cli = new Cli(new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            LineConnection::open, new TokenStore(home.resolve(".huddle/token")), Map.of());
        int status = cli.run(all.toArray(String[]::new));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
