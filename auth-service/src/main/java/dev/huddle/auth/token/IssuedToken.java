package dev.huddle.auth.token;

import java.time.Instant;
import java.util.Objects;

/**
 * A freshly signed access token and the facts about it the auth-service needs to record or
 * reply (the client gets {@code token} and {@code expiresAt}; logout revokes {@code tokenId}).
 *
 * @param token     the compact JWS, a bearer secret
 * @param tokenId   its {@code jti}
 * @param issuedAt  its {@code iat} (and {@code nbf}), whole seconds
 * @param expiresAt its {@code exp}, whole seconds
 */
public record IssuedToken(String token, String tokenId, Instant issuedAt, Instant expiresAt) {

    public IssuedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Leaves the token out: records end up in logs, and the token is a bearer secret. */
    @Override
    public String toString() {
        return "IssuedToken[tokenId=" + tokenId + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
    }
}
