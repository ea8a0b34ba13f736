package dev.huddle.relay.path;

import dev.huddle.server.media.MediaTicket.Nonce;
import java.util.HashMap;
import java.util.Map;

/**
 * The ticket nonces this relay has accepted, each kept until its ticket expires (after that the
 * ticket is refused as expired anyway), so a ticket works once. Data path thread only.
 */
final class NonceGuard {

    private final Map<Nonce, Long> usedUntil = new HashMap<>();

    /** Records the nonce; {@code false} if it was already used. */
    boolean firstUse(Nonce nonce, long expiresAtMillis) {
        return usedUntil.putIfAbsent(nonce, expiresAtMillis) == null;
    }

    /** Forgets nonces of tickets that have expired by {@code nowMillis}. */
    void purge(long nowMillis) {
        usedUntil.values().removeIf(expiry -> expiry < nowMillis);
    }

    int size() {
        return usedUntil.size();
    }
}
