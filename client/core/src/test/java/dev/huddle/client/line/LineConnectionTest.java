package dev.huddle.client.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.client.FakeLineServer;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.LineCodec;
import dev.huddle.contracts.chat.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LineConnectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private FakeLineServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void repliesAreMatchedToRequestsInOrderWhileEventsInterleave() {
        // the server holds back its answers until the third command, then sends them all with events between
        server = FakeLineServer.start(line -> !line.startsWith("members") ? List.of() : List.of(
            "OK whoami {\"username\":\"alice\"}",
            "EVENT chat {\"projectId\":1,\"id\":7,\"username\":\"bob\",\"text\":\"hi\","
                + "\"createdAt\":\"2024-10-30T09:15:02.114Z\"}",
            "OK projects [{\"id\":1}]",
            "EVENT joined {\"projectId\":1,\"username\":\"carol\"}",
            "ERR members NOT_MEMBER you are not a member of project 9"));
        try (LineConnection connection = LineConnection.open("127.0.0.1", server.port(), TIMEOUT)) {
            List<Reply.Event> events = new CopyOnWriteArrayList<>();
            connection.onEvent(events::add);

            CompletableFuture<Reply> whoami = connection.send(new Command.Whoami("tok"));
            CompletableFuture<Reply> projects = connection.send(new Command.Projects("tok"));
            CompletableFuture<Reply> members = connection.send(new Command.Members("tok", 9));

            assertThat(whoami.join()).isEqualTo(new Reply.Ok("whoami", new JsonObject().put("username", "alice")));
            assertThat(projects.join())
                .isEqualTo(new Reply.Ok("projects", new JsonArray().add(new JsonObject().put("id", 1))));
            // an event that came before a reply has been handled by the time that reply is returned
            assertThat(events).extracting(Reply.Event::type).contains("chat");
            assertThat(members.join()).isEqualTo(new Reply.Err("members", ErrorCode.NOT_MEMBER,
                "you are not a member of project 9"));
            assertThat(events).extracting(Reply.Event::type).containsExactly("chat", "joined");
        }
        assertThat(server.drainLines()).containsExactly("whoami tok", "projects tok", "members tok 9");
    }

    @Test
    void concurrentRequestsFromManyThreadsEachGetTheirOwnReply() throws Exception {
        // echoes each chat message back in its reply, so a crossed reply or a torn line would show
        server = FakeLineServer.start(line -> {
            Command.Chat chat = (Command.Chat) LineCodec.parse(line);
            return List.of("OK chat " + new JsonObject().put("text", chat.text()).encode());
        });
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (LineConnection connection = LineConnection.open("127.0.0.1", server.port(), TIMEOUT)) {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    List<String> mismatches = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        String text = "thread " + thread + " message " + i + " Xin chào 👋";
                        JsonObject echoed = connection.ok(new Command.Chat("tok", 1, text));
                        if (!text.equals(echoed.getString("text"))) {
                            mismatches.add(text + " <> " + echoed.getString("text"));
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void requestWithoutAReplyTimesOutAsUnavailable() {
        server = FakeLineServer.start(line -> List.of());
        try (LineConnection connection = LineConnection.open("127.0.0.1", server.port(), Duration.ofMillis(200))) {
            assertThatThrownBy(() -> connection.request(new Command.Whoami("tok")))
                .isInstanceOfSatisfying(HuddleException.class, hasCode(ErrorCode.UNAVAILABLE))
                .hasMessageContaining("no reply to whoami");
        }
    }

    @Test
    void lateReplyToATimedOutRequestIsNotTakenForTheNextOne() {
        server = FakeLineServer.start(line -> line.startsWith("whoami") ? List.of() : List.of("OK projects []"));
        try (LineConnection connection = LineConnection.open("127.0.0.1", server.port(), Duration.ofMillis(200))) {
            assertThatThrownBy(() -> connection.request(new Command.Whoami("tok"))).isInstanceOf(HuddleException.class);
            server.push("OK whoami {\"late\":true}");

            assertThat(connection.request(new Command.Projects("tok")))
                .isEqualTo(new Reply.Ok("projects", new JsonArray()));
        }
    }

    @Test
    void errReplyBecomesAHuddleExceptionWithTheServersCodeAndMessage() {
        server = FakeLineServer.start(line -> List.of("ERR whoami INVALID_TOKEN token expired or revoked"));
        try (LineConnection connection = LineConnection.open("127.0.0.1", server.port(), TIMEOUT)) {
            assertThatThrownBy(() -> connection.ok(new Command.Whoami("tok")))
                .isInstanceOfSatisfying(HuddleException.class, hasCode(ErrorCode.INVALID_TOKEN))
                .hasMessage("token expired or revoked");
        }
    }

    @Test
    void serverClosingFailsWaitingRequestsAndRunsCloseListeners() {
        server = FakeLineServer.start(line -> List.of(FakeLineServer.CLOSE));
        try (LineConnection connection = LineConnection.open("127.0.0.1", server.port(), TIMEOUT)) {
            CompletableFuture<Void> closed = new CompletableFuture<>();
            connection.onClose(() -> closed.complete(null));

            assertThatThrownBy(() -> connection.request(new Command.Whoami("tok")))
                .isInstanceOfSatisfying(HuddleException.class, hasCode(ErrorCode.UNAVAILABLE))
                .hasMessageContaining("closed");
            closed.join();
            assertThat(connection.isClosed()).isTrue();
            assertThatThrownBy(() -> connection.request(new Command.Whoami("tok"))).isInstanceOf(HuddleException.class);
        }
    }

    @Test
    void malformedReplyFailsOnlyItsOwnRequest() {
        server = FakeLineServer.start(line -> line.startsWith("whoami") ? List.of("EVENT broken", "OK whoami not-json")
            : List.of("OK projects []"));
        try (LineConnection connection = LineConnection.open("127.0.0.1", server.port(), TIMEOUT)) {
            assertThatThrownBy(() -> connection.request(new Command.Whoami("tok")))
                .isInstanceOfSatisfying(HuddleException.class, hasCode(ErrorCode.INTERNAL));
            assertThat(connection.request(new Command.Projects("tok"))).isInstanceOf(Reply.Ok.class);
        }
    }

    @Test
    void failingEventListenerDoesNotStopTheOthersOrTheReader() {
        server = FakeLineServer.start(line -> List.of("EVENT joined {\"projectId\":1,\"username\":\"bob\"}",
            "OK join {\"projectId\":1}"));
        try (LineConnection connection = LineConnection.open("127.0.0.1", server.port(), TIMEOUT)) {
            List<Reply.Event> seen = new CopyOnWriteArrayList<>();
            connection.onEvent(event -> {
                throw new IllegalStateException("listener bug");
            });
            connection.onEvent(seen::add);

            assertThat(connection.ok(new Command.Join("tok", 1))).isEqualTo(new JsonObject().put("projectId", 1));
            assertThat(seen).hasSize(1);
        }
    }

    @Test
    void passwordTheLineCannotCarryIsABadRequestNotSent() {
        server = FakeLineServer.start(line -> List.of("OK login {}"));
        try (LineConnection connection = LineConnection.open("127.0.0.1", server.port(), TIMEOUT)) {
            assertThatThrownBy(() -> connection.request(new Command.Login("alice", "two words")))
                .isInstanceOfSatisfying(HuddleException.class, hasCode(ErrorCode.BAD_REQUEST));
        }
        assertThat(server.drainLines()).isEmpty();
    }

    @Test
    void unreachableServerIsUnavailable() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        assertThatThrownBy(() -> LineConnection.open("127.0.0.1", port, TIMEOUT))
            .isInstanceOfSatisfying(HuddleException.class, hasCode(ErrorCode.UNAVAILABLE))
            .hasMessageContaining("cannot connect to chat-service at 127.0.0.1:" + port);
    }

    private static Consumer<HuddleException> hasCode(ErrorCode code) {
        return e -> assertThat(e.code()).isEqualTo(code);
    }
}
