package dev.huddle.chat.line;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.streams.ReadStream;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * The raw bytes of one upload on a line connection, as a read stream: what the {@link LineFramer}
 * hands over, delivered to the reader with back-pressure. While the reader is paused (or has not
 * started yet) bytes wait here and the socket is paused, so at most one read's worth waits.
 * Synchronized: the framer feeds it on the connection's event loop, the reader may start elsewhere.
 */
final class RawStream implements ReadStream<Buffer>, LineFramer.RawSink {

    private final NetSocket socket;
    private final Queue<Buffer> waiting = new ArrayDeque<>();
    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    private Handler<Throwable> exceptionHandler;
    private boolean paused;
    private boolean ended;
    private boolean endDelivered;
    private Throwable failure;

    RawStream(NetSocket socket) {
        this.socket = socket;
    }

    @Override
    public synchronized void bytes(Buffer bytes) {
        waiting.add(bytes);
        deliver();
    }

    @Override
    public synchronized void end() {
        ended = true;
        deliver();
    }

    /** The connection failed under the transfer (closed by the client). */
    synchronized void fail(Throwable error) {
        if (ended || failure != null) {
            return;
        }
        failure = error;
        if (exceptionHandler != null) {
            exceptionHandler.handle(error);
        }
    }

    @Override
    public synchronized RawStream exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        if (handler != null && failure != null) {
            handler.handle(failure);
        }
        return this;
    }

    @Override
    public synchronized RawStream handler(Handler<Buffer> handler) {
        this.handler = handler;
        deliver();
        return this;
    }

    @Override
    public synchronized RawStream pause() {
        paused = true;
        socket.pause();
        return this;
    }

    @Override
    public synchronized RawStream resume() {
        paused = false;
        deliver();
        return this;
    }

    @Override
    public synchronized RawStream fetch(long amount) {
        return resume();
    }

    @Override
    public synchronized RawStream endHandler(Handler<Void> handler) {
        endHandler = handler;
        deliver();
        return this;
    }

    private void deliver() {
        while (!paused && handler != null && !waiting.isEmpty()) {
            handler.handle(waiting.poll());
        }
        if (!waiting.isEmpty() || paused || handler == null) {
            socket.pause();
            return;
        }
        if (ended) {
            if (!endDelivered && endHandler != null) {
                endDelivered = true;
                endHandler.handle(null);
            }
        } else {
            socket.resume();
        }
    }
}
