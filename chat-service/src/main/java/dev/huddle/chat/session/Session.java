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
    private final Set<Long> joining = ConcurrentHashMap.newKeySet();
    private volatile Principal principal;
    private volatile String token;
    private volatile long expiryTimer = -1;
    private volatile String expiryTimerToken;

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

    /**
     * The user this connection acts for, once a command carried a valid token; null before that and
     * once its token was revoked or expired.
     */
    public Principal principal() {
        return principal;
    }

    /** The token the binding came from: when it stops being valid, the binding ends. */
    public String token() {
        return token;
    }

    void bind(Principal principal, String token) {
        this.principal = principal;
        this.token = token;
    }

    /** The rooms whose events this connection receives. */
    public Set<Long> rooms() {
        return rooms;
    }

    /** Rooms this connection is joining: subscribed, membership not yet confirmed, nothing delivered. */
    Set<Long> joining() {
        return joining;
    }

    /** The Vert.x timer that ends the binding when its token expires; -1 for none. */
    public long expiryTimer() {
        return expiryTimer;
    }

    /** The token {@link #expiryTimer()} was armed for. */
    public String expiryTimerToken() {
        return expiryTimerToken;
    }

    public void expiryTimer(long timerId, String token) {
        this.expiryTimer = timerId;
        this.expiryTimerToken = token;
    }

    @Override
    public String toString() {
        return "session " + id + " from " + remoteHost;
    }
}
