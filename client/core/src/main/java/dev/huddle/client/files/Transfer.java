package dev.huddle.client.files;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

/**
 * A file transfer running on its own thread (the HTTP file clients block), that a person may cancel:
 * {@link #cancel()} stops it at the next block of bytes (its progress callback refuses to go on) and
 * interrupts a wait on the network. Its result fails with the transfer's {@link HuddleException}, or
 * with a {@link CancellationException} once cancelled.
 *
 * @param <T> what a finished transfer yields (the stored file's id, the written path, the bytes)
 */
public final class Transfer<T> {

    /** The work: given the progress callback to pass on, which throws once the transfer is cancelled. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress);
    }

    private final Promise<T> result = Promise.promise();
    private volatile boolean cancelled;
    private volatile Thread worker;

    private Transfer() {
    }

    /** Starts {@code work} on {@code threads}, reporting to {@code progress} (from the transfer's thread). */
    public static <T> Transfer<T> start(Executor threads, Progress progress, Work<T> work) {
        Transfer<T> transfer = new Transfer<>();
        threads.execute(() -> transfer.run(progress, work));
        return transfer;
    }

    public Future<T> result() {
        return result.future();
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Stops the transfer; its result fails with a {@link CancellationException}. Idempotent. */
    public void cancel() {
        cancelled = true;
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }

    private void run(Progress progress, Work<T> work) {
        worker = Thread.currentThread();
        try {
            if (cancelled) {
                throw new CancellationException("cancelled");
            }
            T done = work.run((bytes, total) -> {
                if (cancelled) {
                    throw new CancellationException("cancelled");
                }
                progress.update(bytes, total);
            });
            if (cancelled) {
                throw new CancellationException("cancelled");
            }
            result.tryComplete(done);
        } catch (RuntimeException e) {
            result.tryFail(cancelled ? new CancellationException("cancelled") : e instanceof HuddleException
                ? e : new HuddleException(ErrorCode.UNAVAILABLE, "the transfer failed: " + e.getMessage()));
        } finally {
            worker = null;
            Thread.interrupted(); // a cancel racing the end must not leave the pooled thread interrupted
        }
    }
}
