package dev.huddle.room.call;

import dev.huddle.server.media.MediaTicket;
import dev.huddle.server.media.MediaTicketCodec;
import dev.huddle.server.token.Principal;
import dev.huddle.server.token.SigningKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Issues media tickets with room-service's own Ed25519 key ({@value SigningKey#MEDIA_TICKET_KEY_FILE}
 * in its data directory, made on first start): short-lived, for one room, one user, one relay, with a
 * fresh nonce so the relay accepts each once.
 */
public final class TicketSigner {

    /** A signed ticket as clients receive it. */
    public record Issued(String ticket, Instant expiresAt) {
    }

    private final SigningKey key;
    private final Clock clock;
    private final Duration ttl;

    public TicketSigner(SigningKey key, Clock clock, Duration ttl) {
        this.key = key;
        this.clock = clock;
        this.ttl = ttl;
    }

    public Issued issue(Principal caller, long projectId, String relayId) {
        Instant expiresAt = clock.instant().plus(ttl);
        MediaTicket ticket = new MediaTicket(projectId, caller.userId(), caller.username(), caller.tokenId(), relayId,
            expiresAt, MediaTicket.Nonce.random());
        return new Issued(Base64.getUrlEncoder().withoutPadding().encodeToString(MediaTicketCodec.sign(ticket, key)),
            expiresAt);
    }

    /** The key relays verify tickets with. */
    public SigningKey key() {
        return key;
    }
}
