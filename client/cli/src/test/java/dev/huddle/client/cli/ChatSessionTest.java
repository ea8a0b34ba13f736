package dev.huddle.client.cli;

import static dev.huddle.client.FakeLineServer.word;
import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.client.FakeLineServer;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.LineCodec;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatSessionTest {

    private static final String T0 = "2024-10-30T09:15:00Z";

    @TempDir
    Path home;

    private FakeLineServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** A chat-service for user alice in project 1: history of two messages, each chat stored with the next id. */
    private static class Room implements Function<String, List<String>> {
        final AtomicInteger nextId = new AtomicInteger(12);
        final List<String> afterJoin = new ArrayList<>();
        final List<String> afterHistory = new ArrayList<>();
        final List<String> beforeEachChatReply = new ArrayList<>();
        boolean holdChatReplies;
        boolean olderHistory;

        @Override
        public List<String> apply(String line) {
            List<String> out = new ArrayList<>();
            switch (word(line)) {
                case "whoami" -> out.add("OK whoami {\"userId\":1,\"username\":\"alice\",\"role\":\"user\"}");
                case "join" -> {
                    out.add("OK join {\"projectId\":1,\"members\":["
                        + "{\"id\":1,\"username\":\"alice\",\"role\":\"owner\"},"
                        + "{\"id\":2,\"username\":\"bob\",\"role\":\"member\"}]}");
                    out.addAll(afterJoin);
                }
                case "history" -> {
                    if (line.endsWith(" 10")) {
                        out.add("OK history {\"messages\":[" + message(4, "carol", "way back") + "],"
                            + "\"hasMore\":false,\"projectId\":1}");
                        return out;
                    }
                    out.add("OK history {\"messages\":[" + message(10, "alice", "first") + ","
                        + message(11, "bob", "second") + "],\"hasMore\":" + olderHistory + ",\"projectId\":1}");
                    out.addAll(afterHistory);
                }
                case "chat" -> {
                    if (holdChatReplies) {
                        return out;
                    }
                    String text = ((Command.Chat) LineCodec.parse(line)).text();
                    String stored = message(nextId.getAndIncrement(), "alice", text);
                    out.addAll(beforeEachChatReply);
                    // the server publishes to the sender's own connection too: the CLI must show it once
                    out.add("EVENT chat " + stored);
                    out.add("OK chat " + stored);
                }
                case "members" -> out.add("OK members {\"id\":1,\"members\":["
                    + "{\"username\":\"alice\",\"role\":\"owner\"},{\"username\":\"bob\",\"role\":\"member\"}]}");
                case "dm" -> out.add("OK dm {\"id\":3,\"from\":{\"id\":1,\"username\":\"alice\"},\"to\":{\"id\":2,"
                    + "\"username\":\"bob\"},\"text\":\"psst\",\"createdAt\":\"" + T0 + "\"}");
                default -> out.add("ERR " + word(line) + " BAD_REQUEST not in this test");
            }
            return out;
        }
    }

    static String message(long id, String username, String text) {
        return new JsonObject().put("projectId", 1).put("id", id).put("userId", username.length()).put("username", username).put("text", text)
            .put("createdAt", T0).encode();
    }

    private CliRunner cli(Room room) {
        server = FakeLineServer.start(room);
        return new CliRunner(server.port(), home).env(Cli.TOKEN_ENV, "tok");
    }

    @Test
    void chatShowsHistoryThenLiveEventsAndSendsEachInputLine() {
        Room room = new Room();
        // these arrive while the history is still loading: they must come after it; our own join is not news
        room.afterJoin.add("EVENT joined {\"projectId\":1,\"userId\":1,\"username\":\"alice\"}");
        room.afterJoin.add("EVENT joined {\"projectId\":1,\"userId\":2,\"username\":\"bob\"}");
        room.afterJoin.add("EVENT chat " + message(11, "bob", "second"));
        room.beforeEachChatReply.add("EVENT chat {\"projectId\":2,\"id\":99,\"userId\":5,\"username\":\"eve\","
            + "\"text\":\"other room\",\"createdAt\":\"" + T0 + "\"}");
        CliRunner cli = cli(room);

        CliRunner.Result chat = cli.runWithInput("hello\n\n  how are you  \n", "chat", "1");

        assertThat(chat.status()).isZero();
        assertThat(chat.outLines()).containsExactly(
            "alice: first - " + T0,
            "bob: second - " + T0,
            "* bob joined",
            "alice: hello - " + T0,
            "alice: how are you   - " + T0);
        assertThat(server.drainLines()).containsExactly("whoami tok", "join tok 1", "history tok 1",
            "chat tok 1 hello", "chat tok 1 how are you  ");
        assertThat(chat.err()).contains("joined project 1 as alice; members: alice (owner), bob");
    }

    @Test
    void openingTheRoomShowsItsWholeHistoryPagedBackFromTheNewest() {
        Room room = new Room();
        room.olderHistory = true;
        CliRunner cli = cli(room);

        CliRunner.Result chat = cli.runWithInput("", "chat", "1");

        assertThat(chat.outLines()).startsWith("carol: way back - " + T0, "alice: first - " + T0,
            "bob: second - " + T0);
        assertThat(server.drainLines()).containsSubsequence("history tok 1", "history tok 1 500 10");
    }

    @Test
    void endOfInputWaitsForTheAcknowledgementOfTheLastLine() throws Exception {
        Room room = new Room();
        room.holdChatReplies = true;
        CliRunner cli = cli(room);

        CompletableFuture<CliRunner.Result> chat = CompletableFuture.supplyAsync(
            () -> cli.runWithInput("last words\n", "chat", "1"));
        assertThat(server.nextLine()).isEqualTo("whoami tok");
        assertThat(server.nextLine()).isEqualTo("join tok 1");
        assertThat(server.nextLine()).isEqualTo("history tok 1");
        assertThat(server.nextLine()).isEqualTo("chat tok 1 last words");
        assertThat(chat).isNotDone();
        server.push("OK chat " + message(12, "alice", "last words"));

        CliRunner.Result result = chat.get();
        assertThat(result.status()).isZero();
        // shown from the OK, which only a session still open could have read
        assertThat(result.outLines()).endsWith("alice: last words - " + T0);
    }

    @Test
    void refusedLineIsReportedAndTheSessionCarriesOnButExitsWithOne() {
        Room room = new Room() {
            @Override
            public List<String> apply(String line) {
                return line.endsWith("forbidden words")
                    ? List.of("ERR chat NOT_MEMBER you are not a member of project 1") : super.apply(line);
            }
        };
        CliRunner cli = cli(room);

        CliRunner.Result chat = cli.runWithInput("forbidden words\nfine words\n", "chat", "1");

        assertThat(chat.status()).isEqualTo(1);
        assertThat(chat.err()).contains("ERR NOT_MEMBER you are not a member of project 1");
        assertThat(chat.outLines()).endsWith("alice: fine words - " + T0);
    }

    @Test
    void rateLimitedLineIsSentAgainUntilAccepted() {
        AtomicInteger attempts = new AtomicInteger();
        Room room = new Room() {
            @Override
            public List<String> apply(String line) {
                return word(line).equals("chat") && attempts.incrementAndGet() == 1
                    ? List.of("ERR chat RATE_LIMITED too many commands; slow down") : super.apply(line);
            }
        };
        CliRunner cli = cli(room);

        CliRunner.Result chat = cli.runWithInput("patience\n", "chat", "1");

        assertThat(chat.status()).isZero();
        assertThat(attempts).hasValue(2);
        assertThat(chat.outLines()).endsWith("alice: patience - " + T0);
    }

    @Test
    void slashCommandsRunInsideTheRoomAndDoubleSlashSendsASlash() {
        Room room = new Room();
        room.beforeEachChatReply.add("EVENT dm {\"id\":4,\"from\":{\"id\":3,\"username\":\"carol\"},\"to\":{\"id\":1,\"username\":\"alice\"},\"text\":\"psst\","
            + "\"createdAt\":\"" + T0 + "\"}");
        CliRunner cli = cli(room);

        CliRunner.Result chat = cli.runWithInput(
            "/members\n/dm bob psst\n/history 5\n//shrug\n/bogus\n/quit\nnever sent\n", "chat", "1");

        assertThat(chat.status()).isZero();
        assertThat(server.drainLines()).containsExactly("whoami tok", "join tok 1", "history tok 1",
            "members tok 1", "dm tok bob psst", "history tok 1 5", "chat tok 1 /shrug");
        assertThat(chat.outLines()).containsExactly(
            "alice: first - " + T0,
            "bob: second - " + T0,
            "[dm to bob] alice: psst - " + T0,
            "alice: first - " + T0,
            "bob: second - " + T0,
            "[dm] carol: psst - " + T0,
            "alice: /shrug - " + T0);
        assertThat(chat.err()).contains("* members: alice (owner), bob").contains("unknown command /bogus");
    }

    @Test
    void beingRemovedFromTheProjectEndsTheSessionWhileInputIsStillOpen() throws IOException {
        Room room = new Room();
        room.afterHistory.add("EVENT member_removed {\"type\":\"member_removed\",\"projectId\":1,"
            + "\"user\":{\"id\":1,\"username\":\"alice\"},\"reason\":\"kicked\","
            + "\"by\":{\"id\":2,\"username\":\"bob\"}}");
        CliRunner cli = cli(room);
        // stdin stays open (nobody types): the session must end by itself
        try (PipedOutputStream typing = new PipedOutputStream();
             PipedInputStream stdin = new PipedInputStream(typing)) {
            CliRunner.Result chat = cli.runWithInput(stdin, "chat", "1");

            assertThat(chat.status()).isEqualTo(1);
            assertThat(chat.outLines()).endsWith("* alice was removed by bob");
            assertThat(chat.err()).contains("you are no longer a member of project 1");
        }
    }

    @Test
    void serverClosingTheConnectionEndsTheSession() throws IOException {
        Room room = new Room();
        room.afterHistory.add("EVENT closing {\"reason\":\"server shutting down\"}");
        room.afterHistory.add(FakeLineServer.CLOSE);
        CliRunner cli = cli(room);
        // stdin stays open (nobody types): the session must end by itself
        try (PipedOutputStream typing = new PipedOutputStream();
             PipedInputStream stdin = new PipedInputStream(typing)) {
            CliRunner.Result chat = cli.runWithInput(stdin, "chat", "1");

            assertThat(chat.status()).isEqualTo(1);
            assertThat(chat.outLines()).endsWith("* the server is closing the connection: server shutting down");
            assertThat(chat.err()).contains("closed");
        }
    }

    @Test
    void roomThatCannotBeJoinedIsAnErr() {
        Room room = new Room() {
            @Override
            public List<String> apply(String line) {
                return word(line).equals("join") ? List.of("ERR join NOT_MEMBER you are not a member of project 1")
                    : super.apply(line);
            }
        };
        CliRunner cli = cli(room);

        CliRunner.Result chat = cli.runWithInput("hello\n", "chat", "1");

        assertThat(chat.status()).isEqualTo(1);
        assertThat(chat.err()).isEqualTo("ERR NOT_MEMBER you are not a member of project 1\n");
        assertThat(server.drainLines()).containsExactly("whoami tok", "join tok 1");
    }
}
