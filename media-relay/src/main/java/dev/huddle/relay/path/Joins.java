package dev.huddle.relay.path;

import dev.huddle.media.wire.JoinError.Reason;
import dev.huddle.media.wire.JoinRequest;
import dev.huddle.server.media.MediaTicket;
import java.net.InetSocketAddress;

/**
 * Decides what a JOIN gets: refused (with the reason), accepted (a new session, replacing whatever
 * session the same address had), or, for a JOIN repeated from the same address with the same ticket
 * (its JOIN_ACK was lost), the same session again. A ticket's nonce is used up only by an accepted
 * join, so a JOIN refused for an unknown key can be retried. Data path thread only.
 */
final class Joins {

    /** The outcome of one JOIN. */
    sealed interface Decision {
        record Refuse(Reason reason) implements Decision {
        }

        record Accept(MediaTicket ticket, Session replacing) implements Decision {
        }

        record Repeat(Session session) implements Decision {
        }
    }

    private final TicketCheck check;
    private final SessionTable sessions;
    private final NonceGuard nonces;
    private final SourceLimiter budget;

    Joins(TicketCheck check, SessionTable sessions, NonceGuard nonces, int joinsPerSecond, long nowNanos) {
        this.check = check;
        this.sessions = sessions;
        this.nonces = nonces;
        // only the packet bucket matters for joins; the byte bucket is never the limit
        this.budget = new SourceLimiter(new RateLimits(joinsPerSecond, Long.MAX_VALUE / 4), nowNanos);
    }

    /** @param packet a JOIN datagram that passed {@code MediaPacket.check}, at offset 0 */
    Decision decide(byte[] packet, InetSocketAddress sender, long nowNanos) {
        if (!budget.allow(0, nowNanos)) {
            return new Decision.Refuse(Reason.BUSY);
        }
        JoinRequest join = JoinRequest.read(packet, 0);
        if (join == null) {
            return new Decision.Refuse(Reason.BAD_TICKET);
        }
        TicketCheck.Verdict verdict = check.check(join);
        if (verdict.refusal() != null) {
            return new Decision.Refuse(verdict.refusal());
        }
        MediaTicket ticket = verdict.ticket();
        Session existing = sessions.byAddress(sender);
        if (existing != null && existing.ticket.nonce().equals(ticket.nonce())) {
            return new Decision.Repeat(existing);
        }
        if (!nonces.firstUse(ticket.nonce(), ticket.expiresAt().toEpochMilli())) {
            return new Decision.Refuse(Reason.REPLAYED);
        }
        return new Decision.Accept(ticket, existing);
    }
}
