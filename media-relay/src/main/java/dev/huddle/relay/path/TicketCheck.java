package dev.huddle.relay.path;

import dev.huddle.media.wire.JoinError.Reason;
import dev.huddle.media.wire.JoinRequest;
import dev.huddle.server.media.MediaTicket;
import dev.huddle.server.media.MediaTicketCodec;
import dev.huddle.server.media.MediaTicketCodec.RefusedTicketException;
import dev.huddle.server.token.PublicKeyRing;
import java.security.Provider;
import java.time.Clock;

/**
 * Whether a JOIN's ticket lets it in here: signed by a room-service key this relay holds, for this
 * relay, for the call the JOIN names, not expired. Single use is the caller's part ({@link NonceGuard}),
 * because a JOIN retransmitted from the same address must get the same answer.
 */
final class TicketCheck {

    /** The ticket, or why it is refused (exactly one is set). */
    record Verdict(MediaTicket ticket, Reason refusal) {
    }

    private final String relayId;
    private final PublicKeyRing keys;
    private final Clock clock;
    private final Provider provider;
    private final Runnable unknownKey;

    /** @param unknownKey called when a ticket names a key this relay lacks (so it asks room-service again) */
    TicketCheck(String relayId, PublicKeyRing keys, Clock clock, Provider provider, Runnable unknownKey) {
        this.relayId = relayId;
        this.keys = keys;
        this.clock = clock;
        this.provider = provider;
        this.unknownKey = unknownKey;
    }

    Verdict check(JoinRequest join) {
        MediaTicket ticket;
        try {
            ticket = MediaTicketCodec.verify(join.ticket(), keys::find, provider);
        } catch (RefusedTicketException e) {
            if (e.refusal() == MediaTicketCodec.Refusal.UNKNOWN_KEY) {
                unknownKey.run();
                return new Verdict(null, Reason.UNKNOWN_KEY);
            }
            return new Verdict(null, Reason.BAD_TICKET);
        }
        if (!ticket.relayId().equals(relayId)) {
            return new Verdict(null, Reason.WRONG_RELAY);
        }
        if (ticket.projectId() != join.projectId()) {
            return new Verdict(null, Reason.WRONG_ROOM);
        }
        if (!clock.instant().isBefore(ticket.expiresAt())) {
            return new Verdict(null, Reason.EXPIRED);
        }
        return new Verdict(ticket, null);
    }
}
