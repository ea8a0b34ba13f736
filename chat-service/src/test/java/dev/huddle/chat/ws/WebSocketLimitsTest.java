package dev.huddle.chat.ws;

import dev.huddle.chat.testing.StandaloneChat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.server.http.HttpServers;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * chat-service's {@code /ws} against oversized and compressed input, before any login: compression
 * is never negotiated, a compressed frame sent anyway closes the connection without being inflated
 * (the heap does not grow by what it would inflate to), and a message over the size limit closes
 * the connection too.
 */
@ExtendWith(VertxExtension.class)
class WebSocketLimitsTest {

    private static final int INFLATED_BYTES = 60 * 1024 * 1024;

    @TempDir
    static Path root;
    static StandaloneChat chat;
    static int port;

    @BeforeAll
    static void start() {
        chat = StandaloneChat.start(root, Map.of());
        port = chat.httpPort();
    }

    @AfterAll
    static void stop() {
        chat.stop();
    }

    @Test
    void aCompressionBombIsClosedUninflatedAndTheHeapDoesNotGrow() throws Exception {
        byte[] bomb = deflated(INFLATED_BYTES);
        assertThat(bomb.length).as("compressed size").isLessThan(HttpServers.MAX_WEBSOCKET_MESSAGE_BYTES);
        List<MemoryPoolMXBean> tenured = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .filter(pool -> !pool.getName().contains("Eden") && !pool.getName().contains("Survivor"))
            .toList();
        System.gc();
        tenured.forEach(MemoryPoolMXBean::resetPeakUsage);
        long before = tenured.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();

        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            String response = handshake(socket, "permessage-deflate; client_max_window_bits");
            assertThat(response).startsWith("HTTP/1.1 101");
            assertThat(response.toLowerCase()).doesNotContain("permessage-deflate");

            int sent = 0;
            try {
                for (; sent < 20; sent++) {
                    socket.getOutputStream().write(maskedFrame(0xC1, bomb)); // FIN + RSV1 ("compressed") + text
                    socket.getOutputStream().flush();
                }
            } catch (SocketException closedOnUs) {
                // the server closed the connection while we were still sending
            }
            boolean closed = drainUntilClosed(socket.getInputStream());
            long peakGrowth = tenured.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() - before;
            assertThat(peakGrowth).as("peak growth of the long-lived heap, bytes").isLessThan(INFLATED_BYTES / 2);
            assertThat(closed).as("the server closed the connection").isTrue();
        }
    }

    @Test
    void aMessageOverTheLimitClosesTheConnection(Vertx vertx) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        WebSocket ws = client.connect(port, "127.0.0.1", "/ws").await();
        CompletableFuture<Short> closed = new CompletableFuture<>();
        ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
        char[] text = new char[HttpServers.MAX_WEBSOCKET_MESSAGE_BYTES + 1];
        Arrays.fill(text, 'x');

        ws.writeTextMessage(new String(text));

        assertThat(closed.get(15, TimeUnit.SECONDS)).isEqualTo((short) 1009);
        client.close().await();
    }

    private static String handshake(Socket socket, String extensions) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Extensions: " + extensions + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** {@code size} bytes of JSON-looking text, raw-deflated as permessage-deflate sends it (RFC 7692). */
    private static byte[] deflated(int size) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int written = 0; written < size; written += chunk.length) {
            deflater.setInput(chunk);
            int n;
            while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH)) > 0) {
                out.write(buffer, 0, n);
            }
        }
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
            out.write(buffer, 0, n);
        }
        deflater.end();
        byte[] all = out.toByteArray();
        return Arrays.copyOf(all, all.length - 4); // without the 00 00 ff ff the sync flush ends with
    }

    private static byte[] maskedFrame(int firstByte, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(firstByte);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65_536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        byte[] mask = {0x12, 0x34, 0x56, 0x78};
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        return frame.toByteArray();
    }

    private static boolean drainUntilClosed(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        try {
            while (in.read(buffer) >= 0) {
                // a close frame may come first; the end of the stream is what counts
            }
            return true;
        } catch (SocketException reset) {
            return true;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        }
    }
}
