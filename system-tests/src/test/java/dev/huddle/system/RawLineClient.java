package dev.huddle.system;

import dev.huddle.contracts.chat.Reply;
import dev.huddle.contracts.chat.LineReply;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A raw TCP client of the line protocol for the file tests, exactly what {@code nc} would send (lines
 * and raw bytes interleaved byte for byte, which the client library never does): lines out,
 * reply lines and pushed {@code EVENT} lines in, kept apart.
 */
final class RawLineClient implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final BlockingQueue<Reply.Event> events = new LinkedBlockingQueue<>();
    private volatile boolean closedByServer;

    private RawLineClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::read, "line-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static RawLineClient connect(int port) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            return new RawLineClient(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one line and returns the reply line (OK or ERR) that answers it. */
    String send(String line) {
        sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
        return nextReply();
    }

    /** Sends a line expected to succeed; returns the reply's JSON object. */
    JsonObject ok(String line) {
        String reply = send(line);
        if (!(LineReply.parse(reply) instanceof Reply.Ok ok)) {
            throw new AssertionError("expected OK for '" + line + "' but got: " + reply);
        }
        return ok.json() instanceof JsonObject json ? json : new JsonObject().put("items", ok.json());
    }

    void sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String nextReply() {
        try {
            String reply = replies.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (reply == null) {
                throw new AssertionError("no reply within " + WAIT);
            }
            return reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next pushed event matching {@code wanted}; others before it are skipped. */
    Reply.Event awaitEvent(Predicate<Reply.Event> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Reply.Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event != null && wanted.test(event)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no matching event within " + WAIT);
    }

    /** Events received so far that nobody took. */
    BlockingQueue<Reply.Event> events() {
        return events;
    }

    boolean closedByServer() {
        return closedByServer;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
            StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("EVENT ")) {
                    events.add((Reply.Event) LineReply.parse(line));
                } else {
                    replies.add(line);
                }
            }
        } catch (IOException e) {
            // socket closed under us: the test reads closedByServer
        }
        closedByServer = true;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
