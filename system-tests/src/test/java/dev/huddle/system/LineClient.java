package dev.huddle.system;

import dev.huddle.client.line.LineConnection;
import dev.huddle.contracts.chat.LineReply;
import dev.huddle.contracts.chat.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * What a test sees of the line protocol, as {@code nc} would show it: raw lines out, reply lines as
 * text, pushed events kept in a queue. The protocol itself is the client library's
 * {@link LineConnection}; this only adds the test's view.
 */
final class LineClient implements LineTestClient {

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

    @Override
    public String send(String line) {
        return LineReply.format(connection.requestLine(line));
    }

    /** Sends bytes as they are, holding {@code lines} lines, and returns the reply lines. */
    List<String> sendRaw(byte[] bytes, int lines) {
        return connection.requestBytes(bytes, lines).stream().map(LineReply::format).toList();
    }

    /** Sends one line's worth of bytes, line ending included, and returns its reply line. */
    String sendRawLine(String text) {
        return sendRaw(text.getBytes(StandardCharsets.UTF_8), 1).getFirst();
    }

    @Override
    public BlockingQueue<Reply.Event> events() {
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
