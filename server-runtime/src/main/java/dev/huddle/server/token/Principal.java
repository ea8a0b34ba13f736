package dev.huddle.server.token;

import dev.huddle.contracts.Role;
import java.time.Instant;
import java.util.Objects;

/**
 * Who a verified token speaks for.
 *
 * @param userId    the account id (the token's {@code sub}), positive
 * @param username  the username in display case
 * @param role      what the account may do
 * @param tokenId   the token's {@code jti}, the handle used to revoke it
 * @param expiresAt when the token stops being accepted (before clock skew)
 */
public record Principal(long userId, String username, Role role, String tokenId, Instant expiresAt) {

    public Principal {
        if (userId <= 0) {
            throw new IllegalArgumentException("userId must be positive");
        }
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** @return {@code true} if the account has the {@link Role#ADMIN} role */
    public boolean isAdmin() {
        return role.isAdmin();
    }
}
