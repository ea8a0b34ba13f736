package dev.huddle.server.media;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;

/**
 * Permission to join one room's call on one relay, once, until {@code expiresAt}: what room-service
 * signs ({@link MediaTicketCodec}) and a media relay checks before it binds a UDP source address to a
 * session. The client carries it without reading it.
 *
 * @param projectId the room whose call it opens
 * @param userId    the member it was issued to
 * @param username  the member's name, for the call events the relay publishes
 * @param tokenId   the {@code jti} of the token that asked; revoking that token drops the session
 * @param relayId   the only relay that accepts it
 * @param expiresAt after this instant it is refused
 * @param nonce     random; the relay accepts each nonce once
 */
public record MediaTicket(long projectId, long userId, String username, String tokenId, String relayId,
                          Instant expiresAt, Nonce nonce) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public MediaTicket {
        if (projectId <= 0 || userId <= 0) {
            throw new IllegalArgumentException("project and user ids must be positive");
        }
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(relayId, "relayId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(nonce, "nonce");
    }

    /** 128 random bits that make a ticket single-use. */
    public record Nonce(long high, long low) {

        public static Nonce random() {
            return new Nonce(RANDOM.nextLong(), RANDOM.nextLong());
        }
    }
}
