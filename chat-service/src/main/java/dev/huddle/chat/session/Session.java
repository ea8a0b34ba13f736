package dev.huddle.chat.session;

import dev.huddle.contracts.HuddleException;
import dev.huddle.server.token.Principal;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client connection, whatever its transport (line protocol over TCP, JSON over WebSocket): who
 * it is once known, which rooms it has joined, and how events reach it.
 */
public abstract class Session {

    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final String remoteHost;
    private final Set<Long> rooms = ConcurrentHashMap.newKeySet();
    private volatile Principal principal;

    protected Session(String remoteHost) {
        this.remoteHost = remoteHost;
    }

    /** Queues an event; a connection that cannot keep up is closed rather than slowing others. */
    public abstract void deliver(OutboundEvent event);

    /** Closes the connection, telling the client why when the transport can. */
    public abstract void close(String reason);

    /** Whether raw bytes may follow a line on this connection (the line protocol; WebSocket frames cannot). */
    public boolean carriesBytes() {
        return false;
    }

    /**
     * Writes {@code READY <command> <ready>}, then hands exactly {@code size} raw bytes from the client
     * to {@code consumer} as a stream; the connection reads lines again once the consumer's future
     * completes, whatever its outcome. Only where {@link #carriesBytes()}.
     */
    public <T> Future<T> receiveBytes(String command, JsonObject ready, long size,
                                      Function<ReadStream<Buffer>, Future<T>> consumer) {
        return Future.failedFuture(noBytes());
    }

    /** Sends {@code bytes} to the client right after the reply just written. Only where {@link #carriesBytes()}. */
    public Future<Void> sendBytes(ThenBytes.Source bytes) {
        return Future.failedFuture(noBytes());
    }

    private static HuddleException noBytes() {
        return HuddleException.badRequest("this connection carries no raw bytes: upload with tus at "
            + "/api/files/uploads and download with GET /api/files/{id}");
    }

    public long id() {
        return id;
    }

    public String remoteHost() {
        return remoteHost;
    }

    /** The user this connection acts for, once it authenticated or joined a room; else null. */
    public Principal principal() {
        return principal;
    }

    void bind(Principal principal) {
        this.principal = principal;
    }

    /** The rooms whose events this connection receives. */
    public Set<Long> rooms() {
        return rooms;
    }

    @Override
    public String toString() {
        return "session " + id + " from " + remoteHost;
    }
}
