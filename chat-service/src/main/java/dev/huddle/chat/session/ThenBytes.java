package dev.huddle.chat.session;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A command's result whose reply line is followed by raw bytes ({@code download} on the line
 * protocol): the {@link CommandQueue} writes {@code OK <command> <json>}, then the session sends
 * {@code bytes}, and only then answers the next command.
 *
 * @param json  the reply's JSON (what the action log records; never the bytes)
 * @param bytes exactly the number of bytes the JSON announces
 */
public record ThenBytes(Object json, Source bytes) {

    /** Where the bytes come from. */
    public sealed interface Source {
        /** Frees what the source holds when its bytes cannot all be sent (the client went away). */
        Future<Void> release();
    }

    /** A stream, e.g. from a remote store. */
    public record Streamed(ReadStream<Buffer> stream, Supplier<Future<Void>> releaser) implements Source {
        @Override
        public Future<Void> release() {
            return releaser.get();
        }
    }

    /** A region of a local file, which the kernel can send without copying it through the JVM (sendfile). */
    public record LocalFile(Path path, long offset, long length) implements Source {
        @Override
        public Future<Void> release() {
            return Future.succeededFuture();
        }
    }
}
