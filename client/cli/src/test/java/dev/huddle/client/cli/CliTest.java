package dev.huddle.client.cli;

import static dev.huddle.client.FakeLineServer.word;
import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.client.FakeLineServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {

    private static final String LOGIN_OK = "OK login {\"token\":\"tok-1\",\"tokenType\":\"Bearer\","
        + "\"expiresAt\":\"2024-10-30T21:15:03Z\",\"user\":{\"id\":1,\"username\":\"alice\",\"role\":\"user\"}}";
    private static final String WHOAMI_OK = "OK whoami {\"userId\":1,\"username\":\"alice\",\"role\":\"user\"}";

    @TempDir
    Path home;

    private FakeLineServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private CliRunner cli(Function<String, List<String>> script) {
        server = FakeLineServer.start(script);
        return new CliRunner(server.port(), home);
    }

    @Test
    void loginSavesTheTokenReadableByItsOwnerOnlyAndLaterCommandsUseIt() throws IOException {
        CliRunner cli = cli(line -> List.of(word(line).equals("login") ? LOGIN_OK : WHOAMI_OK));

        CliRunner.Result login = cli.run("login", "alice", "s3cret-pass");

        assertThat(login.status()).isZero();
        assertThat(login.out()).isEqualTo(LOGIN_OK.substring("OK login ".length()) + "\n");
        Path file = cli.tokens().file();
        assertThat(Files.readString(file).strip()).isEqualTo("tok-1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
            .isEqualTo("rwx------");

        CliRunner.Result whoami = cli.run("whoami");

        assertThat(whoami.status()).isZero();
        assertThat(whoami.out()).isEqualTo("{\"userId\":1,\"username\":\"alice\",\"role\":\"user\"}\n");
        assertThat(server.drainLines()).containsExactly("login alice s3cret-pass", "whoami tok-1");
    }

    @Test
    void tokenFromTheEnvironmentWinsOverTheTokenFile() {
        CliRunner cli = cli(line -> List.of(WHOAMI_OK));
        cli.tokens().save("from-file");

        assertThat(cli.env(Cli.TOKEN_ENV, "from-env").run("whoami").status()).isZero();

        assertThat(server.nextLine()).isEqualTo("whoami from-env");
    }

    @Test
    void logoutRevokesTheTokenAndForgetsIt() {
        CliRunner cli = cli(line -> List.of("OK logout {\"loggedOut\":true}"));
        cli.tokens().save("tok-1");

        CliRunner.Result logout = cli.run("logout");

        assertThat(logout.status()).isZero();
        assertThat(server.nextLine()).isEqualTo("logout tok-1");
        assertThat(cli.tokens().file()).doesNotExist();
        assertThat(cli.run("projects").err()).startsWith("ERR INVALID_TOKEN not logged in");
    }

    @Test
    void withoutATokenCommandsAreRefusedBeforeConnecting() {
        CliRunner cli = cli(line -> List.of("OK projects []"));

        CliRunner.Result projects = cli.run("projects");

        assertThat(projects.status()).isEqualTo(1);
        assertThat(projects.err()).startsWith("ERR INVALID_TOKEN not logged in: run 'huddle cli login");
        assertThat(server.connections()).isZero();
    }

    @Test
    void okResultIsPrintedAsTheServersJson() {
        CliRunner cli = cli(line -> List.of("OK projects [{\"id\":1,\"name\":\"Launch\",\"myRole\":\"owner\"}]"))
            .env(Cli.TOKEN_ENV, "tok");

        CliRunner.Result projects = cli.run("projects");

        assertThat(projects.status()).isZero();
        assertThat(projects.out()).isEqualTo("[{\"id\":1,\"name\":\"Launch\",\"myRole\":\"owner\"}]\n");
        assertThat(projects.err()).isEmpty();
    }

    @Test
    void errReplyExitsWithOneAndPrintsCodeAndMessageOnStderr() {
        CliRunner cli = cli(line -> List.of("ERR members NOT_MEMBER you are not a member of project 4"))
            .env(Cli.TOKEN_ENV, "tok");

        CliRunner.Result members = cli.run("members", "4");

        assertThat(members.status()).isEqualTo(1);
        assertThat(members.out()).isEmpty();
        assertThat(members.err()).isEqualTo("ERR NOT_MEMBER you are not a member of project 4\n");
        assertThat(server.nextLine()).isEqualTo("members tok 4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nope", "members", "members abc", "members 0", "kick 1", "history 1 --limit",
        "history 1 --frobnicate", "--port x projects", "add 1 ,;", "chat 1 2", "call", "call 1 --video webcam",
        "call 1 --video file", "call 1 --video none:x", "call 1 --audio mic", "call 1 --audio-codec mp3",
        "call 1 --audio file:", "call 1 --seconds 0", "call 1 --relay nowhere", "call 1 --relay h:70000"})
    void wrongCommandLineIsAUsageErrorAndNeverConnects(String args) {
        CliRunner cli = cli(line -> List.of("OK x {}")).env(Cli.TOKEN_ENV, "tok");

        CliRunner.Result result = cli.run(args.isEmpty() ? new String[0] : args.split(" "));

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).isNotEmpty();
        assertThat(result.out()).isEmpty();
        assertThat(server.connections()).isZero();
    }

    @Test
    void helpPrintsTheUsageAndSucceeds() {
        CliRunner cli = cli(line -> List.of());

        assertThat(cli.run("help").out()).startsWith("Usage: huddle cli").contains("dm-history <username>");
        assertThat(cli.run("--help").status()).isZero();
        assertThat(cli.run("history", "--help").out()).startsWith("Usage: huddle cli");
        assertThat(server.connections()).isZero();
    }

    @Test
    void createWithMembersAddsThemAndSaysWhichNamesWereNotAdded() {
        CliRunner cli = cli(line -> switch (word(line)) {
            case "new_project" ->
                List.of("OK new_project {\"project\":{\"id\":5,\"name\":\"Launch plan\"},\"results\":[]}");
            case "add_group" -> List.of("OK add_group {\"project\":{\"id\":5},\"results\":["
                + "{\"username\":\"bob\",\"result\":\"added\"},{\"username\":\"zed\",\"result\":\"unknown_user\"}]}");
            default -> List.of("ERR - UNKNOWN_COMMAND unexpected");
        }).env(Cli.TOKEN_ENV, "tok");

        CliRunner.Result create = cli.run("create", "Launch", "plan", "--members", "bob; zed");

        assertThat(create.status()).isZero();
        assertThat(server.drainLines()).containsExactly("new_project tok Launch plan", "add_group tok 5 bob, zed");
        assertThat(create.out()).startsWith("{\"project\":{\"id\":5},\"results\":[");
        assertThat(create.err()).isEqualTo("note: zed not added: unknown_user\n");
    }

    @Test
    void addAcceptsNamesSeparatedByCommasSemicolonsBracketsOrSpaces() {
        CliRunner cli = cli(line -> List.of("OK add_group {\"results\":[]}")).env(Cli.TOKEN_ENV, "tok");

        assertThat(cli.run("add", "5", "bob,", "carol;dave", "[erin]", "frank").status()).isZero();

        assertThat(server.nextLine()).isEqualTo("add_group tok 5 bob, carol, dave, erin, frank");
    }

    @Test
    void historyPrintsEachMessageAsUsernameMessageTimestamp() {
        CliRunner cli = cli(line -> List.of("OK history {\"messages\":["
            + "{\"id\":7,\"projectId\":1,\"userId\":1,\"username\":\"alice\",\"text\":\"Xin chào 👋\","
            + "\"createdAt\":\"2024-10-30T09:15:02.114Z\"},"
            + "{\"id\":8,\"projectId\":1,\"userId\":2,\"username\":\"bob\",\"text\":\"hi\",\"createdAt\":\"2024-10-30T09:16:00Z\"}],"
            + "\"hasMore\":false,\"projectId\":1}")).env(Cli.TOKEN_ENV, "tok");

        CliRunner.Result history = cli.run("history", "1", "--limit", "2", "--before=9");

        assertThat(history.status()).isZero();
        assertThat(server.nextLine()).isEqualTo("history tok 1 2 9");
        assertThat(history.outLines()).containsExactly(
            "alice: Xin chào 👋 - 2024-10-30T09:15:02.114Z",
            "bob: hi - 2024-10-30T09:16:00Z");
    }

    @Test
    void dmHistoryShowsWhoSentEachMessage() {
        CliRunner cli = cli(line -> List.of("OK dm_history {\"messages\":["
            + "{\"id\":3,\"from\":{\"id\":2,\"username\":\"bob\"},\"to\":{\"id\":1,\"username\":\"alice\"},"
            + "\"text\":\"psst\",\"createdAt\":\"2024-10-30T09:16:00.001Z\"}],\"hasMore\":false}"))
            .env(Cli.TOKEN_ENV, "tok");

        CliRunner.Result history = cli.run("dm-history", "bob");

        assertThat(server.nextLine()).isEqualTo("dm_history tok bob");
        assertThat(history.outLines()).containsExactly("bob: psst - 2024-10-30T09:16:00.001Z");
    }

    private static final String DM_THREADS = "{\"threads\":[{\"with\":{\"id\":3,\"username\":\"carol\"},\"last\":{\"id\":11,\"from\":{\"id\":3,\"username\":\"carol\"},\"to\":{\"id\":1,\"username\":\"alice\"},\"text\":\"lunch?\",\"createdAt\":\"2024-10-30T09:20:00Z\"}},{\"with\":{\"id\":2,\"username\":\"bob\"},\"last\":{\"id\":9,\"from\":{\"id\":1,\"username\":\"alice\"},\"to\":{\"id\":2,\"username\":\"bob\"},\"text\":\"psst\",\"createdAt\":\"2024-10-30T09:16:00Z\"}}]}";

    @Test
    void dmsListsEachConversationWithItsPeerAndNewestMessageNewestFirst() {
        CliRunner cli = cli(line -> List.of("OK dm_threads " + DM_THREADS))
            .env(Cli.TOKEN_ENV, "tok");

        CliRunner.Result threads = cli.run("dms");

        assertThat(server.nextLine()).isEqualTo("dm_threads tok");
        assertThat(threads.outLines()).containsExactly(
            "[carol] carol: lunch? - 2024-10-30T09:20:00Z",
            "[bob] alice: psst - 2024-10-30T09:16:00Z");
    }

    @Test
    void sendAndDmTakeEveryWordAfterTheTargetAsTheMessage() {
        CliRunner cli = cli(line -> List.of("OK " + word(line) + " {\"id\":1}")).env(Cli.TOKEN_ENV, "tok");

        assertThat(cli.run("send", "1", "see", "--limit", "in", "the", "docs").status()).isZero();
        assertThat(cli.run("dm", "bob", "psst,", "lunch?").status()).isZero();

        assertThat(server.drainLines())
            .containsExactly("chat tok 1 see --limit in the docs", "dm tok bob psst, lunch?");
    }

    @Test
    void passwordGivenAsDashIsReadFromStdin() {
        CliRunner cli = cli(line -> List.of("OK reg {\"id\":1,\"username\":\"alice\",\"role\":\"user\"}"));

        CliRunner.Result register = cli.runWithInput("s3cret-pass\n", "register", "alice", "-", "alice@example.com");

        assertThat(register.status()).isZero();
        assertThat(server.nextLine()).isEqualTo("reg alice s3cret-pass alice@example.com");
    }

    @Test
    void valueTheProtocolRefusesIsReportedLikeTheServerWouldWithoutSending() {
        CliRunner cli = cli(line -> List.of("OK chat {}")).env(Cli.TOKEN_ENV, "tok");

        CliRunner.Result send = cli.run("send", "1", "x".repeat(4_001));

        assertThat(send.status()).isEqualTo(1);
        assertThat(send.err()).isEqualTo("ERR PAYLOAD_TOO_LARGE message longer than 4000 characters\n");
        assertThat(server.drainLines()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"device:/dev/video-none|no camera at /dev/video-none",
        "file:/no/such/clip.mp4|no video file at /no/such/clip.mp4"})
    void aVideoSourceThatCannotBeOpenedSaysWhyInOneLineBeforeJoiningTheCall(String caseText) {
        String[] parts = caseText.split("\\|");
        CliRunner cli = cli(line -> List.of(WHOAMI_OK)).env(Cli.TOKEN_ENV, "tok");

        CliRunner.Result call = cli.run("call", "1", "--video", parts[0]);

        assertThat(call.status()).isEqualTo(1);
        assertThat(call.err()).startsWith("huddle-cli: " + parts[1]).hasLineCount(1);
        assertThat(call.out()).isEmpty();
        assertThat(server.drainLines()).as("no call_join was sent").noneMatch(l -> l.startsWith("call_join"));
    }

    @Test
    void unreachableServerExitsWithOneAndSaysSo() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        CliRunner.Result result = new CliRunner(port, home).env(Cli.TOKEN_ENV, "tok").run("projects");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).startsWith("ERR UNAVAILABLE cannot connect to chat-service at 127.0.0.1:" + port);
    }
}
