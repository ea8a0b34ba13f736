package dev.huddle.relay.path;

import dev.huddle.server.bus.media.CallEvent.CallMember;
import dev.huddle.server.media.MediaTicket;
import java.net.InetSocketAddress;

/**
 * One member's presence in a call on this relay: a UDP source address bound by a verified JOIN.
 * Owned by the data path thread; the mutable fields are only touched there.
 */
final class Session {

    static final int MIC = 0x1;
    static final int CAMERA = 0x2;
    static final int SCREEN = 0x4;

    final int id;
    final InetSocketAddress address;
    final MediaTicket ticket;
    final SourceLimiter limiter;
    final CallRoom room;
    long lastHeardNanos;
    int state;

    Session(int id, InetSocketAddress address, MediaTicket ticket, SourceLimiter limiter, CallRoom room,
            long nowNanos) {
        this.id = id;
        this.address = address;
        this.ticket = ticket;
        this.limiter = limiter;
        this.room = room;
        this.lastHeardNanos = nowNanos;
    }

    long projectId() {
        return ticket.projectId();
    }

    long userId() {
        return ticket.userId();
    }

    /** What call events say about this participant now. */
    CallMember member() {
        return new CallMember(id, ticket.userId(), ticket.username(), (state & MIC) != 0, (state & CAMERA) != 0,
            (state & SCREEN) != 0);
    }
}
