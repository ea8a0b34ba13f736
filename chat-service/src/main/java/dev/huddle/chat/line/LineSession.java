package dev.huddle.chat.line;

import dev.huddle.chat.session.OutboundBudget;
import dev.huddle.chat.session.OutboundEvent;
import dev.huddle.chat.session.Session;
import dev.huddle.chat.session.ThenBytes;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.LineReply;
import dev.huddle.contracts.chat.ServerEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import io.vertx.core.streams.ReadStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A line-protocol connection. What is written but not yet taken by the client is counted; past the
 * limit the connection is closed, so a reader that stalls costs bounded memory and never holds up
 * the others.
 *
 * <p>Files travel as raw bytes between lines: after {@code READY upload} the client's next bytes go
 * to the upload ({@link #receiveBytes}), after {@code OK download} the file's bytes go to the client
 * ({@link #sendBytes}); events that happen meanwhile wait and follow the file, so they never land in
 * the middle of it. All of this runs on the connection's event loop.
 */
final class LineSession extends Session {

    private final NetSocket socket;
    private final OutboundBudget budget;
    private final Context context;
    private static final Logger LOG = LoggerFactory.getLogger(LineSession.class);

    private final AtomicBoolean closed = new AtomicBoolean();
    private LineFramer framer;
    private RawStream incoming;
    /** Lines held back while a file is being sent, or null when none is. */
    private List<Buffer> heldLines;

    LineSession(NetSocket socket, long outboundLimit, Context context) {
        super(socket.remoteAddress() == null ? "unknown" : socket.remoteAddress().host());
        this.socket = socket;
        this.budget = new OutboundBudget(outboundLimit);
        this.context = context;
    }

    void framer(LineFramer framer) {
        this.framer = framer;
    }

    /**
     * An {@code upload} line was read: the bytes after it may be the file, so they are kept from the
     * framer (and the socket paused) until the command either switches to raw bytes or is refused.
     */
    LineFramer.Hold holdForBytes() {
        socket.pause();
        return framer.hold();
    }

    /** The command that took {@code hold} is answered: lines flow again unless a newer hold is in force. */
    void releaseHold(LineFramer.Hold hold) {
        onContext(() -> {
            framer.release(hold);
            resumeUnlessHeld();
        });
    }

    @Override
    public boolean carriesBytes() {
        return true;
    }

    @Override
    public <T> Future<T> receiveBytes(String command, JsonObject ready, long size,
                                      Function<ReadStream<Buffer>, Future<T>> consumer) {
        Promise<T> result = Promise.promise();
        onContext(() -> {
            RawStream raw = new RawStream(socket);
            incoming = raw;
            send(LineReply.ready(command, ready));
            Future<T> consumed = consumer.apply(raw);
            framer.raw(size, raw);
            consumed.onComplete(outcome -> onContext(() -> {
                incoming = null;
                framer.abandonRaw(raw);
                resumeUnlessHeld();
                result.handle(outcome);
            }));
        });
        return result.future();
    }

    @Override
    public Future<Void> sendBytes(ThenBytes.Source bytes) {
        Promise<Void> sent = Promise.promise();
        onContext(() -> {
            synchronized (this) {
                heldLines = new ArrayList<>();
            }
            Future<Void> transfer = switch (bytes) {
                case ThenBytes.LocalFile file -> socket.sendFile(file.path().toString(), file.offset(), file.length());
                case ThenBytes.Streamed streamed -> streamed.stream().pipe().endOnComplete(false).to(socket);
            };
            transfer.onComplete(outcome -> {
                if (outcome.failed()) {
                    // the client cannot tell where the file ended: the connection is unusable
                    LOG.info("{} closed: a download failed halfway ({})", this, outcome.cause().toString());
                    closed.set(true);
                    socket.close();
                }
                List<Buffer> lines;
                synchronized (this) {
                    lines = heldLines;
                    heldLines = null;
                }
                lines.forEach(line -> {
                    budget.release(line.length());
                    write(line);
                });
                sent.handle(outcome);
            });
        });
        return sent.future();
    }

    @Override
    public void deliver(OutboundEvent event) {
        write(event.line());
    }

    /** Writes one reply line. */
    void send(String line) {
        write(Buffer.buffer(line + "\n"));
    }

    @Override
    public void close(String reason) {
        if (closed.compareAndSet(false, true)) {
            socket.write(LineReply.event("closing", new ServerEvent.Closing(reason).data()) + "\n")
                .onComplete(v -> socket.close());
        }
    }

    void markClosed() {
        closed.set(true);
        onContext(() -> {
            if (incoming != null) {
                incoming.fail(new HuddleException(ErrorCode.SIZE_MISMATCH, "the connection closed before the file's end"));
            }
        });
    }

    private void resumeUnlessHeld() {
        if (!framer.holding()) {
            socket.resume();
        }
    }

    private void onContext(Runnable action) {
        if (Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    private void write(Buffer line) {
        if (closed.get()) {
            return;
        }
        synchronized (this) {
            if (heldLines != null) {
                if (!budget.reserve(line.length())) {
                    closed.set(true);
                    LOG.info("{} closed: more than {} bytes waiting behind a download", this, budget.limit());
                    socket.close();
                    return;
                }
                heldLines.add(line); // counted until it is written after the file
                return;
            }
        }
        int length = line.length();
        if (!budget.reserve(length)) {
            // the client stopped reading: drop it rather than buffer without end
            closed.set(true);
            LOG.info("{} closed: more than {} bytes waiting to be read", this, budget.limit());
            socket.close();
            return;
        }
        socket.write(line).onComplete(v -> budget.release(length));
    }
}
