package dev.huddle.chat.session;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.function.Supplier;

/**
 * A command's result whose reply line is followed by raw bytes ({@code download} on the line
 * protocol): the {@link CommandQueue} writes {@code OK <command> <json>}, then the session streams
 * {@code bytes}, and only then answers the next command.
 *
 * @param json    the reply's JSON (what the action log records; never the bytes)
 * @param bytes   exactly the number of bytes the JSON announces
 * @param release frees what {@code bytes} holds when they cannot all be sent (the client went away)
 */
public record ThenBytes(Object json, ReadStream<Buffer> bytes, Supplier<Future<Void>> release) {
}
