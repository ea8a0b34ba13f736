package dev.huddle.chat.line;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.chat.testing.StandaloneChat;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.testing.Eventually;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One connection's command queue is bounded: with its backend (auth-service's login) answering
 * nothing for now, a client pipelining commands gets {@code RATE_LIMITED} at once for every command
 * past the bound instead of piling up work, and the queued ones are answered in order once the
 * backend answers.
 */
class CommandQueueBoundTest {

    private static final int MAX_QUEUED = 4;
    private static final int SENT = 20;

    @TempDir
    static Path root;
    static StandaloneChat chat;
    static MessageConsumer<JsonObject> slowAuth;
    static final Queue<Message<JsonObject>> parked = new ConcurrentLinkedQueue<>();
    static volatile boolean answering;

    @BeforeAll
    static void start() {
        chat = StandaloneChat.start(root, Map.of(
            "HUDDLE_CHAT_MAX_QUEUED_COMMANDS", Integer.toString(MAX_QUEUED),
            // only the queue bound may refuse here, not the command rate
            "HUDDLE_CHAT_COMMANDS_PER_SECOND", "100000",
            "HUDDLE_CHAT_COMMAND_BURST", "100000",
            "HUDDLE_CHAT_BUS_TIMEOUT", "5m"));
        Vertx vertx = chat.service().runtime().vertx();
        slowAuth = vertx.eventBus().consumer(BusAddresses.AUTH_LOGIN, message -> {
            parked.add(message);
            if (answering) {
                answerParked();
            }
        });
        slowAuth.completion().await();
    }

    @AfterAll
    static void stop() {
        slowAuth.unregister().await();
        chat.stop();
    }

    @Test
    void commandsPastTheBoundAreRefusedAtOnceAndTheQueuedOnesAnsweredInOrderWhenTheBackendAnswers()
            throws Exception {
        try (Socket socket = new Socket("127.0.0.1", chat.linePort())) {
            socket.setSoTimeout(30_000);
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < SENT; i++) {
                lines.append("login user").append(i).append(" pw-").append(i).append('\n');
            }
            socket.getOutputStream().write(lines.toString().getBytes(StandardCharsets.UTF_8));
            BufferedReader replies = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8));

            // the backend holds the first; the next MAX_QUEUED - 1 wait behind it; the rest are refused
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < SENT - MAX_QUEUED; i++) {
                refused.add(replies.readLine());
            }
            assertThat(refused).allSatisfy(line -> assertThat(line).startsWith("ERR login RATE_LIMITED"));
            Eventually.assertThat(() -> assertThat(parked).hasSize(1)); // one at a time reaches the backend

            answering = true;
            chat.service().runtime().vertx().runOnContext(v -> answerParked());
            for (int i = 0; i < MAX_QUEUED; i++) {
                assertThat(replies.readLine()).startsWith("ERR login INVALID_CREDENTIALS user" + i + " ");
            }

            // once drained, the connection is served again
            socket.getOutputStream().write("help\n".getBytes(StandardCharsets.UTF_8));
            assertThat(replies.readLine()).startsWith("OK help");
        }
    }

    /** The stand-in backend's answer: a refusal that names the user, so the order shows. */
    private static void answerParked() {
        for (Message<JsonObject> message = parked.poll(); message != null; message = parked.poll()) {
            message.fail(ErrorCode.INVALID_CREDENTIALS.httpStatus(),
                "INVALID_CREDENTIALS " + message.body().getString("username") + " wrong password");
        }
    }
}
