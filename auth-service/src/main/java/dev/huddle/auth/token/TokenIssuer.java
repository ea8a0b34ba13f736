package dev.huddle.auth.token;

import dev.huddle.contracts.Role;
import dev.huddle.server.token.SigningKey;
import dev.huddle.server.token.TokenClaims;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Signs access tokens in the shape {@link TokenClaims} describes, for
 * {@link dev.huddle.server.token.TokenVerifier} in every service to check. Thread-safe.
 */
public final class TokenIssuer {

    private final Supplier<SigningKey> key;
    private final Clock clock;
    private final Duration ttl;

    /**
     * @param ttl how long a token stays valid; at least one second
     */
    public TokenIssuer(SigningKey key, Clock clock, Duration ttl) {
        this(() -> key, clock, ttl);
        Objects.requireNonNull(key, "key");
    }

    /** An issuer that signs with whatever key {@code key} supplies at the time (the current one of a rotation). */
    public TokenIssuer(Supplier<SigningKey> key, Clock clock, Duration ttl) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("ttl must be at least one second");
        }
    }

    /**
     * Signs a token for the given account, valid from now for the configured time to live.
     *
     * @throws IllegalArgumentException if {@code userId} is not positive or {@code username} is blank
     */
    public IssuedToken issue(long userId, String username, Role role) {
        if (userId <= 0) {
            throw new IllegalArgumentException("userId must be positive");
        }
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        Objects.requireNonNull(role, "role");
        // JWT times are whole seconds: truncate so the returned instants equal what the token says
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        String tokenId = UUID.randomUUID().toString();
        SigningKey signer = key.get();
        String token = Jwts.builder()
                .header().keyId(signer.kid()).and()
                .issuer(TokenClaims.ISSUER)
                .audience().add(TokenClaims.AUDIENCE).and()
                .subject(Long.toString(userId))
                .claim(TokenClaims.USERNAME, username)
                .claim(TokenClaims.ROLE, role.wireName())
                .id(tokenId)
                .issuedAt(Date.from(issuedAt))
                .notBefore(Date.from(issuedAt))
                .expiration(Date.from(expiresAt))
                .signWith(signer.privateKey(), TokenClaims.signatureAlgorithm())
                .compact();
        return new IssuedToken(token, tokenId, issuedAt, expiresAt);
    }

    /** How long issued tokens stay valid. */
    public Duration ttl() {
        return ttl;
    }
}
