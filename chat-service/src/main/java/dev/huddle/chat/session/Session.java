package dev.huddle.chat.session;

import dev.huddle.server.token.Principal;
import java.util.Set;
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
