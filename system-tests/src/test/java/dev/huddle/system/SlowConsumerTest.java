package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that joins a room and never reads must not hold up anyone else: the others receive
 * every message, and the stalled one is disconnected once its backlog passes the limit.
 */
class SlowConsumerTest {

    static final int MESSAGES = 800;

    @TempDir
    static Path root;
    static ChatCluster cluster;

    @BeforeAll
    static void start() {
        cluster = ChatCluster.start(root, Map.of(
            "HUDDLE_CHAT_COMMANDS_PER_SECOND", "100000",
            "HUDDLE_CHAT_COMMAND_BURST", "100000",
            "HUDDLE_CHAT_OUTBOUND_LIMIT_BYTES", "65536"));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void aReaderThatNeverReadsDoesNotStopOthersReceiving() throws Exception {
        try (LineClient setup = LineClient.connect(cluster.linePortA)) {
            setup.ok("reg sender violet-anchor-93-drum");
            setup.ok("reg listener violet-anchor-93-drum");
            setup.ok("reg stalled violet-anchor-93-drum");
        }
        try (LineClient sender = LineClient.connect(cluster.linePortA);
             LineClient listener = LineClient.connect(cluster.linePortA);
             Socket stalled = new Socket()) {
            String ts = sender.ok("login sender violet-anchor-93-drum").getString("token");
            String tl = listener.ok("login listener violet-anchor-93-drum").getString("token");
            long id = sender.ok("new_project " + ts + " flood").getJsonObject("project").getLong("id");
            sender.ok("add_group " + ts + " " + id + " listener, stalled");
            listener.ok("join " + tl + " " + id);
            String tstalled;
            try (LineClient other = LineClient.connect(cluster.linePortB)) {
                tstalled = other.ok("login stalled violet-anchor-93-drum").getString("token");
            }

            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", cluster.linePortA), 5_000);
            stalled.getOutputStream().write(("join " + tstalled + " " + id + "\n").getBytes(StandardCharsets.UTF_8));
            stalled.getOutputStream().flush();
            listener.awaitEvent(e -> e.type().equals("joined") && e.json().getString("username").equals("stalled"));

            String padding = "x".repeat(3_900);
            for (int i = 0; i < MESSAGES; i++) {
                sender.ok("chat " + ts + " " + id + " " + i + " " + padding);
            }
            for (int i = 0; i < MESSAGES; i++) {
                String text = listener.awaitEvent(e -> e.type().equals("chat")).json().getString("text");
                assertThat(text).startsWith(i + " ");
            }

            stalled.setSoTimeout(30_000); // a server that never closes it fails the test instead of hanging
            long received = drainUntilClosed(stalled.getInputStream());
            assertThat(received).as("the stalled client got a cut-off stream, then the server closed it")
                .isLessThan((long) MESSAGES * padding.length());
        }
    }

    /** Reads what the server had sent until it closes the connection; returns the byte count. */
    private static long drainUntilClosed(InputStream in) throws Exception {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
            }
        } catch (SocketException reset) {
            // a reset is the server closing too
        }
        return total;
    }
}
