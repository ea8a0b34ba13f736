package dev.huddle.chat.file;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.streams.WriteStream;

/**
 * Appends to a part on disk. {@link #end()} forces the bytes to storage before closing, because the
 * new size is then acknowledged to the client (a tus offset, an {@code OK upload}) and must survive
 * a crash.
 */
final class PartWriter implements WriteStream<Buffer> {

    private final AsyncFile file;

    PartWriter(AsyncFile file) {
        this.file = file;
    }

    @Override
    public PartWriter exceptionHandler(Handler<Throwable> handler) {
        file.exceptionHandler(handler);
        return this;
    }

    @Override
    public Future<Void> write(Buffer data) {
        return file.write(data);
    }

    @Override
    public Future<Void> end() {
        // once flushed the bytes are on disk, whatever closing says
        return file.flush().eventually(file::close);
    }

    @Override
    public PartWriter setWriteQueueMaxSize(int maxSize) {
        file.setWriteQueueMaxSize(maxSize);
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return file.writeQueueFull();
    }

    @Override
    public PartWriter drainHandler(Handler<Void> handler) {
        file.drainHandler(handler);
        return this;
    }
}
