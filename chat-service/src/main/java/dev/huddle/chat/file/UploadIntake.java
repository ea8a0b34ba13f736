package dev.huddle.chat.file;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;

/**
 * Moves one run of upload bytes (an HTTP request body, or the raw bytes after {@code READY}) into a
 * part of the store, never holding more than the write queue in memory:
 * <ul>
 *   <li>the running size is checked as bytes arrive: one byte more than {@code allowed} and the run
 *       fails SIZE_MISMATCH at once, that buffer unwritten;</li>
 *   <li>every byte written goes through the given digests (the file's SHA-256, a tus chunk's checksum);</li>
 *   <li>back-pressure: the source is paused while the disk's write queue is full;</li>
 *   <li>a source that sends nothing for {@code stall} fails SIZE_MISMATCH.</li>
 * </ul>
 * Success or not, the part is flushed and closed before the returned future completes, so its size
 * on disk is then exactly what was counted.
 */
final class UploadIntake {

    private final Vertx vertx;
    private final ReadStream<Buffer> source;
    private final WriteStream<Buffer> sink;
    private final long allowed;
    private final List<Digesting> digests;
    private final long stallNanos;
    private final Promise<Long> done = Promise.promise();
    private long count;
    private long lastByteAt = System.nanoTime();
    private long timer;
    private boolean finished;

    /** Something each written byte goes through; it reads the view and must not keep it. */
    interface Digesting {
        void update(ByteBuffer bytes);

        static Digesting of(MessageDigest digest) {
            return digest::update;
        }
    }

    private UploadIntake(Vertx vertx, ReadStream<Buffer> source, WriteStream<Buffer> sink, long allowed,
                         List<Digesting> digests, Duration stall) {
        this.vertx = vertx;
        this.source = source;
        this.sink = sink;
        this.allowed = allowed;
        this.digests = digests;
        this.stallNanos = stall.toNanos();
    }

    /**
     * Runs to the end of {@code source}; completes with the bytes taken, or fails (SIZE_MISMATCH, the
     * source's own failure, a disk error) once the part is closed.
     */
    static Future<Long> run(Vertx vertx, ReadStream<Buffer> source, WriteStream<Buffer> sink, long allowed,
                            List<Digesting> digests, Duration stall) {
        return new UploadIntake(vertx, source, sink, allowed, digests, stall).start();
    }

    private Future<Long> start() {
        long period = Math.max(50, stallNanos / 4_000_000);
        timer = vertx.setPeriodic(period, id -> {
            if (System.nanoTime() - lastByteAt > stallNanos) {
                fail(new UploadStalled("expected " + allowed + " bytes, received " + count
                    + " and then nothing for " + Duration.ofNanos(stallNanos).toMillis() + " ms"));
            }
        });
        sink.exceptionHandler(this::fail);
        source.exceptionHandler(this::fail);
        source.endHandler(v -> end());
        source.handler(this::take);
        source.resume();
        return done.future();
    }

    private void take(Buffer buffer) {
        if (finished) {
            return;
        }
        lastByteAt = System.nanoTime();
        if (count + buffer.length() > allowed) {
            fail(new HuddleException(ErrorCode.SIZE_MISMATCH, "more bytes than declared: " + allowed
                + " expected, " + (count + buffer.length()) + " or more sent"));
            return;
        }
        // hash the bytes where they lie: copying every buffer would make the garbage a transfer leaves
        // as large as the file
        ByteBuffer bytes = ((BufferInternal) buffer).getByteBuf().nioBuffer();
        digests.forEach(d -> d.update(bytes.duplicate()));
        count += buffer.length();
        sink.write(buffer).onFailure(this::fail);
        if (sink.writeQueueFull()) {
            source.pause();
            sink.drainHandler(v -> {
                if (!finished) {
                    source.resume();
                }
            });
        }
    }

    private void end() {
        if (finished) {
            return;
        }
        finished = true;
        vertx.cancelTimer(timer);
        sink.end().onComplete(closed -> {
            if (closed.succeeded()) {
                done.tryComplete(count);
            } else {
                done.tryFail(closed.cause());
            }
        });
    }

    private void fail(Throwable error) {
        if (finished) {
            return;
        }
        finished = true;
        vertx.cancelTimer(timer);
        source.pause();
        source.handler(null);
        sink.end().onComplete(closed -> done.tryFail(error));
    }
}
