package dev.huddle.chat.file;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.streams.ReadStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bytes read from a {@link FileStore}: a read stream that releases the file when it ends or fails,
 * and that its reader closes itself when it stops early (the client went away mid-download).
 */
public final class StoreStream implements ReadStream<Buffer> {

    private final AsyncFile file;
    private final AtomicBoolean closed = new AtomicBoolean();

    StoreStream(AsyncFile file) {
        this.file = file;
    }

    /** Releases the file; idempotent. */
    public Future<Void> close() {
        return closed.compareAndSet(false, true) ? file.close() : Future.succeededFuture();
    }

    @Override
    public StoreStream exceptionHandler(Handler<Throwable> handler) {
        file.exceptionHandler(handler == null ? null : error -> {
            close();
            handler.handle(error);
        });
        return this;
    }

    @Override
    public StoreStream handler(Handler<Buffer> handler) {
        file.handler(handler);
        return this;
    }

    @Override
    public StoreStream pause() {
        file.pause();
        return this;
    }

    @Override
    public StoreStream resume() {
        file.resume();
        return this;
    }

    @Override
    public StoreStream fetch(long amount) {
        file.fetch(amount);
        return this;
    }

    @Override
    public StoreStream endHandler(Handler<Void> handler) {
        file.endHandler(v -> {
            close();
            if (handler != null) {
                handler.handle(v);
            }
        });
        return this;
    }
}
