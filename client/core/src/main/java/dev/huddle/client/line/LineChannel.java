package dev.huddle.client.line;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.LineCodec;
import dev.huddle.contracts.chat.LineReply;
import dev.huddle.contracts.chat.Reply;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One line-protocol connection to chat-service, non-blocking (a Vert.x {@link NetSocket}, so
 * thousands of them need no thread each): the repository's one line-protocol client. The load
 * generators use it directly, {@link LineConnection} wraps it for blocking callers (huddle-cli, the
 * system tests). The server answers commands in order, so a FIFO of
 * promises pairs each reply with its command; {@code EVENT} lines are handed, still as raw bytes, to
 * the event handler (parsing every delivered line as JSON would add to the generator's share of the
 * cores it shares with the server).
 *
 * <p>Commands sent with {@link #request} complete their future with the parsed reply; commands sent
 * with {@link #fire} (the load phase's chat lines) hand their reply to the reply handler instead.
 */
public final class LineChannel {

    /** Marks a fired command in the FIFO: its reply goes to the reply handler. */
    private static final Promise<Reply> FIRED = Promise.promise();

    private static final byte[] EVENT_PREFIX = "EVENT ".getBytes(StandardCharsets.US_ASCII);

    private final NetSocket socket;
    private final Context context;
    private final ArrayDeque<Promise<Reply>> pending = new ArrayDeque<>();
    private volatile Handler<Buffer> eventHandler = line -> { };
    private volatile Handler<Buffer> replyHandler = line -> { };
    private volatile Runnable closeListener = () -> { };
    private volatile boolean closed;

    private LineChannel(NetSocket socket, Context context) {
        this.socket = socket;
        this.context = context;
        socket.handler(RecordParser.newDelimited("\n", this::onLine));
        socket.closeHandler(v -> onClosed());
    }

    /** Connects; the returned client's callbacks run on the event loop the connection landed on. */
    public static Future<LineChannel> connect(Vertx vertx, NetClient client, String host, int port) {
        Promise<LineChannel> connected = Promise.promise();
        client.connect(port, host).onComplete(result -> {
            if (result.succeeded()) {
                connected.complete(new LineChannel(result.result(), vertx.getOrCreateContext()));
            } else {
                connected.fail(result.cause());
            }
        });
        return connected.future();
    }

    /**
     * Opens {@code count} connections, at most {@code parallel} connecting at once (the server's
     * accept backlog is finite), and returns them in order.
     */
    public static Future<List<LineChannel>> openMany(Vertx vertx, NetClient client, String host, int port, int count,
                                                     int parallel) {
        LineChannel[] opened = new LineChannel[count];
        List<Future<?>> lanes = new ArrayList<>();
        for (int lane = 0; lane < Math.min(parallel, count); lane++) {
            Future<?> tail = Future.succeededFuture();
            for (int i = lane; i < count; i += parallel) {
                int index = i;
                tail = tail.compose(v -> connect(vertx, client, host, port).map(c -> opened[index] = c));
            }
            lanes.add(tail);
        }
        return Future.all(lanes).map(v -> List.of(opened));
    }

    /** The event loop context of this connection: timers set from it run on the socket's thread. */
    public Context context() {
        return context;
    }

    public void onEvent(Handler<Buffer> handler) {
        this.eventHandler = handler;
    }

    public void onFiredReply(Handler<Buffer> handler) {
        this.replyHandler = handler;
    }

    /** Called once when the connection closes, whoever closed it. */
    public void onClose(Runnable listener) {
        this.closeListener = listener;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Sends a command; the future completes with its reply ({@code OK} or {@code ERR}). */
    public Future<Reply> request(Command command) {
        return request(LineCodec.format(command));
    }

    /** Sends a raw line (without its line ending); the future completes with its reply. */
    public synchronized Future<Reply> request(String line) {
        Promise<Reply> reply = Promise.promise();
        if (closed) {
            reply.fail(new IllegalStateException("connection closed"));
            return reply.future();
        }
        pending.addLast(reply);
        socket.write(line + "\n");
        return reply.future();
    }

    /**
     * Like {@link #request} with a retry after {@code RATE_LIMITED}: setup sends commands back to back
     * on few connections, and chat-service limits commands per connection.
     */
    public Future<Reply> requestPaced(Command command) {
        return request(command).compose(reply -> {
            if (reply instanceof Reply.Err err && err.code() == ErrorCode.RATE_LIMITED) {
                Promise<Void> later = Promise.promise();
                context.owner().setTimer(100, id -> later.complete());
                return later.future().compose(v -> requestPaced(command));
            }
            return Future.succeededFuture(reply);
        });
    }

    /**
     * Sends bytes as they are, which the server takes for {@code lines} lines (a test of its framing
     * sends a line that is not UTF-8, or too long, or many lines in one write); the futures complete
     * with the replies to them, in order.
     */
    public synchronized List<Future<Reply>> requestBytes(byte[] bytes, int lines) {
        List<Future<Reply>> replies = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            Promise<Reply> reply = Promise.promise();
            if (closed) {
                reply.fail(new IllegalStateException("connection closed"));
            } else {
                pending.addLast(reply);
            }
            replies.add(reply.future());
        }
        if (!closed) {
            socket.write(Buffer.buffer(bytes));
        }
        return replies;
    }

    /** Sends a line whose reply goes to the reply handler, unparsed. */
    public synchronized void fire(String line) {
        if (closed) {
            return;
        }
        pending.addLast(FIRED);
        socket.write(line + "\n");
    }

    public Future<Void> close() {
        return socket.close();
    }

    private void onLine(Buffer line) {
        if (startsWith(line, EVENT_PREFIX)) {
            eventHandler.handle(line);
            return;
        }
        Promise<Reply> waiting;
        synchronized (this) {
            waiting = pending.pollFirst();
        }
        if (waiting == FIRED) {
            replyHandler.handle(line);
        } else if (waiting != null) {
            try {
                waiting.complete(LineReply.parse(line.toString()));
            } catch (IllegalArgumentException e) {
                waiting.fail(e);
            }
        }
    }

    private void onClosed() {
        ArrayDeque<Promise<Reply>> orphans;
        synchronized (this) {
            closed = true;
            orphans = new ArrayDeque<>(pending);
            pending.clear();
        }
        for (Promise<Reply> orphan : orphans) {
            if (orphan != FIRED) {
                orphan.tryFail(new IllegalStateException("connection closed by the server"));
            }
        }
        closeListener.run();
    }

    public static boolean startsWith(Buffer line, byte[] prefix) {
        if (line.length() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line.getByte(i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
