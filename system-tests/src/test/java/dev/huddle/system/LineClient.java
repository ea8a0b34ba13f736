package dev.huddle.system;

import dev.huddle.client.line.LineConnection;
import dev.huddle.contracts.chat.LineReply;
import dev.huddle.contracts.chat.Reply;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What a test sees of the line protocol, as {@code nc} would show it: raw lines out, reply lines as
 * text, pushed events kept in a queue. The protocol itself is the client library's
 * {@link LineConnection}; this only adds the test's view.
 */
final class LineClient implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final LineConnection connection;
    private final BlockingQueue<Reply.Event> events = new LinkedBlockingQueue<>();
    private volatile boolean closedByUs;

    private LineClient(LineConnection connection) {
        this.connection = connection;
        connection.onEvent(events::add);
    }

    static LineClient connect(int port) {
        return new LineClient(LineConnection.open("127.0.0.1", port, WAIT));
    }

    /** Sends one line and returns the reply line (OK or ERR) that answers it. */
    String send(String line) {
        return LineReply.format(connection.requestLine(line));
    }

    /** Sends a line expected to succeed; returns the reply's JSON object. */
    JsonObject ok(String line) {
        String reply = send(line);
        if (!(LineReply.parse(reply) instanceof Reply.Ok ok)) {
            throw new AssertionError("expected OK for '" + line + "' but got: " + reply);
        }
        return ok.json() instanceof JsonObject json ? json : new JsonObject().put("items", ok.json());
    }

    /** Sends bytes as they are, holding {@code lines} lines, and returns the reply lines. */
    List<String> sendRaw(byte[] bytes, int lines) {
        return connection.requestBytes(bytes, lines).stream().map(LineReply::format).toList();
    }

    /** Sends one line's worth of bytes, line ending included, and returns its reply line. */
    String sendRawLine(String text) {
        return sendRaw(text.getBytes(StandardCharsets.UTF_8), 1).getFirst();
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
        return connection.isClosed() && !closedByUs;
    }

    @Override
    public void close() {
        closedByUs = true;
        connection.close();
    }
}
