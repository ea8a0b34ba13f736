package dev.huddle.chat.session;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one connection has been given to send but the client has not taken yet. Past the limit the
 * connection is to be dropped: a reader that stalls then costs bounded memory and holds up nobody.
 */
public final class OutboundBudget {

    private final long limit;
    private final AtomicLong pending = new AtomicLong();

    public OutboundBudget(long limit) {
        this.limit = limit;
    }

    /** Counts {@code bytes} as queued; false when that puts the connection over its limit. */
    public boolean reserve(int bytes) {
        return pending.addAndGet(bytes) <= limit;
    }

    /** The transport has handed {@code bytes} to the client. */
    public void release(int bytes) {
        pending.addAndGet(-bytes);
    }

    public long limit() {
        return limit;
    }
}
