package dev.huddle.chat.line;

import dev.huddle.chat.testing.StandaloneChat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.server.testing.Eventually;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections that hold the line protocol's port without using it are closed: a slowloris dripping
 * one byte of a line every 2 s, a connection that keeps talking but never logs in, and one address
 * opening more connections than its cap.
 */
class LineConnectionLimitsTest {

    private static final int LINE_TIMEOUT_SECONDS = 5;
    private static final int LOGIN_DEADLINE_SECONDS = 12;
    private static final int MAX_PER_ADDRESS = 3;

    @TempDir
    static Path root;
    static StandaloneChat chat;
    static int linePort;

    @BeforeAll
    static void start() {
        chat = StandaloneChat.start(root, Map.of(
            "HUDDLE_CHAT_LINE_TIMEOUT", LINE_TIMEOUT_SECONDS + "s",
            "HUDDLE_CHAT_LOGIN_DEADLINE", LOGIN_DEADLINE_SECONDS + "s",
            "HUDDLE_CHAT_MAX_CONNECTIONS_PER_ADDRESS", Integer.toString(MAX_PER_ADDRESS)));
        linePort = chat.linePort();
    }

    @AfterAll
    static void stop() {
        chat.stop();
    }

    @Test
    void aSlowlorisSendingAByteEveryTwoSecondsIsClosedWithinTheLineTimeout() throws Exception {
        assertThat(closedWhileDripping("helphelphelphelphelp".getBytes(), LINE_TIMEOUT_SECONDS))
            .contains("EVENT closing", "line not finished");
    }

    @Test
    void aConnectionThatNeverLogsInIsClosedAtTheLoginDeadline() throws Exception {
        // whole lines, each answered: only the login deadline can end this one
        assertThat(closedWhileDripping("\n".repeat(20).getBytes(), LOGIN_DEADLINE_SECONDS))
            .contains("EVENT closing", "no login");
    }

    @Test
    void anAddressOverItsConnectionCapIsRefusedAndMayConnectAgainOnceOneCloses() throws Exception {
        List<Socket> admitted = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_PER_ADDRESS; i++) {
                admitted.add(answeringHelp());
            }
            try (Socket over = new Socket("127.0.0.1", linePort)) {
                over.setSoTimeout(10_000);
                assertThat(readUntilClosed(over.getInputStream())).startsWith("ERR - RATE_LIMITED");
            }
            admitted.remove(0).close();
            Eventually.assertThat(() -> {
                try {
                    admitted.add(answeringHelp());
                } catch (IOException | AssertionError refused) {
                    throw new AssertionError("not admitted again yet", refused);
                }
            });
        } finally {
            for (Socket socket : admitted) {
                socket.close();
            }
        }
    }

    /** A new connection, checked to be served: it answers {@code help}. */
    private static Socket answeringHelp() throws IOException {
        Socket socket = new Socket("127.0.0.1", linePort);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write("help\n".getBytes(StandardCharsets.UTF_8));
        String first = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
            StandardCharsets.UTF_8)).readLine();
        if (first == null || !first.startsWith("OK help")) {
            socket.close();
            throw new AssertionError("not served: " + first);
        }
        return socket;
    }

    /**
     * Drips {@code bytes} one every 2 s and returns what the server sent before closing; fails if it
     * has not closed by the limit plus a margin.
     */
    private static String closedWhileDripping(byte[] bytes, int limitSeconds) throws Exception {
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        try (Socket socket = new Socket("127.0.0.1", linePort)) {
            int[] next = {0};
            drip.scheduleAtFixedRate(() -> {
                try {
                    socket.getOutputStream().write(bytes[next[0]++ % bytes.length]);
                } catch (IOException closed) {
                    drip.shutdown();
                }
            }, 0, 2, TimeUnit.SECONDS);
            // the bound is the behaviour under test: closed within the limit (plus one check period and slack)
            socket.setSoTimeout((limitSeconds + 5) * 1_000);
            return readUntilClosed(socket.getInputStream());
        } finally {
            drip.shutdownNow();
        }
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b >= 0; b = in.read()) {
                received.write(b);
            }
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("still open after the limit; received: " + received);
        } catch (IOException reset) {
            // closed by a reset: closed all the same
        }
        return received.toString(StandardCharsets.UTF_8);
    }
}
