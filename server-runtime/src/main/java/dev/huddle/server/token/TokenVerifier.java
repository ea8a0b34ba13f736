package dev.huddle.server.token;

import dev.huddle.contracts.Role;
import dev.huddle.server.token.InvalidTokenException.Reason;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Header;
import io.jsonwebtoken.InvalidClaimException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.RequiredTypeException;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.SecurityException;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.Provider;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Verifies Huddle access tokens (see {@link TokenClaims}) and turns them into a {@link Principal}.
 * Thread-safe; one instance per service, shared by all event loops.
 *
 * <p>A token is refused with an {@link InvalidTokenException} whose {@link Reason} says why: it
 * must be an EdDSA (Ed25519) JWS signed by a key in the {@link PublicKeyRing}, from issuer
 * {@value TokenClaims#ISSUER} for audience {@value TokenClaims#AUDIENCE}, within its
 * {@code nbf}/{@code iat}..{@code exp} window give or take the allowed clock skew, carry a
 * positive numeric {@code sub}, a {@code username}, a known {@code role} and a {@code jti}, and
 * not be in the {@link RevocationList}. Tokens with {@code alg=none} or any other algorithm
 * (notably HMAC keyed with the public key) are refused before any key is looked up.
 *
 * <p><b>Why a cache.</b> An Ed25519 signature check costs from tens to hundreds of microseconds
 * (see {@code TokenVerifyBenchmark}) and every chat message carries its token, so a busy room
 * would spend most of its time re-verifying the same few strings. Tokens that verified are
 * remembered (exact token string to principal) in a bounded cache, oldest evicted first; a hit
 * costs a map lookup or two. A different string, even one character off, misses the cache and
 * is verified in full, so the cache cannot be used to slip in a forged token. The cache stores
 * only what cannot change for a given string (signature, issuer, audience, claims); what can
 * change is checked on every call, hits included: expiry against the injected clock and the
 * revocation list, so logout and expiry take effect at once, and the signing key still being in
 * the ring.
 */
public final class TokenVerifier {

    /** Default number of verified tokens remembered. */
    public static final int DEFAULT_CACHE_CAPACITY = 10_000;
    /** Longer strings are refused unparsed: real tokens are a few hundred characters. */
    static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private static final Pattern ALG_NONE = Pattern.compile("\"alg\"\\s*:\\s*\"none\"", Pattern.CASE_INSENSITIVE);

    private final PublicKeyRing keys;
    private final RevocationList revocations;
    private final Clock clock;
    private final Duration skew;
    private final JwtParser parser;
    private final int cacheCapacity;
    private final Map<String, Verified> cache = new ConcurrentHashMap<>();
    // keys of the cache in insertion order; each cached key appears exactly once
    private final Queue<String> insertionOrder = new ConcurrentLinkedQueue<>();

    private record Verified(Principal principal, String kid, PublicKey key) {
    }

    /** A verifier with a cache of {@link #DEFAULT_CACHE_CAPACITY} tokens. */
    public TokenVerifier(PublicKeyRing keys, RevocationList revocations, Clock clock, Duration allowedClockSkew) {
        this(keys, revocations, clock, allowedClockSkew, DEFAULT_CACHE_CAPACITY);
    }

    /**
     * A verifier remembering up to {@code cacheCapacity} verified tokens (0 verifies every call
     * in full, which benchmarks use to measure the signature path), using the JDK's Ed25519.
     */
    public TokenVerifier(PublicKeyRing keys, RevocationList revocations, Clock clock, Duration allowedClockSkew,
                         int cacheCapacity) {
        this(keys, revocations, clock, allowedClockSkew, cacheCapacity, null);
    }

    /**
     * The full constructor.
     *
     * @param allowedClockSkew  whole seconds of tolerance on {@code exp}, {@code nbf} and {@code iat};
     *                          at most the revocation list's retention past expiry, or a revoked
     *                          token could come back to life in the skew window
     * @param cacheCapacity     verified tokens remembered; 0 for none
     * @param signatureProvider the JCA provider that checks signatures, or null for the JDK's.
     *                          The JDK's Ed25519 is slow (about 600 µs a verification on a 2-core
     *                          JDK 25 machine, against about 95 µs through BouncyCastle's), which
     *                          only matters on cache misses
     */
    public TokenVerifier(PublicKeyRing keys, RevocationList revocations, Clock clock, Duration allowedClockSkew,
                         int cacheCapacity, Provider signatureProvider) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.skew = Objects.requireNonNull(allowedClockSkew, "allowedClockSkew");
        if (skew.isNegative() || skew.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("allowedClockSkew must be a non-negative number of seconds");
        }
        if (skew.compareTo(revocations.retainAfterExpiry()) > 0) {
            throw new IllegalArgumentException("allowedClockSkew exceeds the revocation list's retention");
        }
        if (cacheCapacity < 0) {
            throw new IllegalArgumentException("cacheCapacity must not be negative");
        }
        this.cacheCapacity = cacheCapacity;
        var builder = Jwts.parser();
        if (signatureProvider != null) {
            builder.provider(signatureProvider);
        }
        this.parser = builder
                .keyLocator(this::locateKey)
                .sig().clear().add(TokenClaims.signatureAlgorithm()).and()
                .zip().clear().and()
                .requireIssuer(TokenClaims.ISSUER)
                .requireAudience(TokenClaims.AUDIENCE)
                .clock(() -> Date.from(clock.instant()))
                .clockSkewSeconds(skew.toSeconds())
                .build();
    }

    /**
     * Verifies {@code token}.
     *
     * @return who the token speaks for
     * @throws InvalidTokenException if the token is refused, with the reason
     */
    public Principal verify(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException(Reason.MISSING);
        }
        Verified cached = cache.get(token);
        if (cached != null && keys.find(cached.kid()).orElse(null) == cached.key()) {
            checkTimeAndRevocation(cached.principal());
            return cached.principal();
        }
        Verified fresh = verifyInFull(token);
        remember(token, cached, fresh);
        return fresh.principal();
    }

    /** Number of tokens currently remembered; for tests. */
    int cacheSize() {
        return cache.size();
    }

    private void checkTimeAndRevocation(Principal principal) {
        // same rule as jjwt: acceptable up to and including exp + skew
        if (clock.instant().isAfter(principal.expiresAt().plus(skew))) {
            throw new InvalidTokenException(Reason.EXPIRED);
        }
        if (revocations.isRevoked(principal.tokenId())) {
            throw new InvalidTokenException(Reason.REVOKED);
        }
    }

    private Verified verifyInFull(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        Jws<Claims> jws;
        try {
            jws = parser.parseSignedClaims(token);
        } catch (ExpiredJwtException e) {
            throw new InvalidTokenException(Reason.EXPIRED);
        } catch (PrematureJwtException e) {
            throw new InvalidTokenException(Reason.NOT_YET_VALID);
        } catch (InvalidClaimException e) {
            throw switch (Objects.requireNonNullElse(e.getClaimName(), "")) {
                case Claims.ISSUER -> new InvalidTokenException(Reason.WRONG_ISSUER);
                case Claims.AUDIENCE -> new InvalidTokenException(Reason.WRONG_AUDIENCE);
                default -> new InvalidTokenException(Reason.BAD_CLAIMS);
            };
        } catch (SecurityException e) {
            // jjwt's: a signature that does not match, or an algorithm other than EdDSA (e.g. HS256)
            throw new InvalidTokenException(Reason.BAD_SIGNATURE);
        } catch (UnsupportedJwtException e) {
            throw new InvalidTokenException(declaresAlgNone(token) ? Reason.UNSIGNED : Reason.MALFORMED);
        } catch (RequiredTypeException e) {
            // a registered claim (exp, nbf) of the wrong JSON type
            throw new InvalidTokenException(Reason.BAD_CLAIMS);
        } catch (JwtException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        String kid = jws.getHeader().getKeyId();
        Principal principal = ClaimsReader.principal(jws.getPayload(), clock.instant().plus(skew));
        checkTimeAndRevocation(principal);
        return new Verified(principal, kid, keys.find(kid).orElse(null));
    }

    private Key locateKey(Header header) {
        // jjwt has already refused alg=none and every algorithm but EdDSA when it gets here
        if (!(header instanceof JwsHeader jwsHeader)) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        return keys.find(jwsHeader.getKeyId()).orElseThrow(() -> new InvalidTokenException(Reason.UNKNOWN_KEY));
    }

    private void remember(String token, Verified stale, Verified fresh) {
        if (cacheCapacity == 0 || fresh.key() == null) {
            return; // a null key means the kid left the ring meanwhile: nothing worth caching
        }
        if (stale != null) {
            // the key is already in insertionOrder: swap the value, keep its place
            cache.replace(token, stale, fresh);
            return;
        }
        if (cache.putIfAbsent(token, fresh) == null) {
            insertionOrder.add(token);
            while (cache.size() > cacheCapacity) {
                String oldest = insertionOrder.poll();
                if (oldest == null) {
                    break;
                }
                cache.remove(oldest);
            }
        }
    }

    /** Only called for a refused token, to tell an unsigned one from any other unsupported form. */
    private static boolean declaresAlgNone(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        try {
            byte[] header = Base64.getUrlDecoder().decode(token.substring(0, dot));
            return ALG_NONE.matcher(new String(header, StandardCharsets.UTF_8)).find();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Reads the Huddle claims out of a token whose signature, issuer, audience and window were checked. */
    private static final class ClaimsReader {

        static Principal principal(Claims claims, Instant latestAcceptableIssue) {
            Date issuedAt = read(Claims.ISSUED_AT, claims::getIssuedAt);
            if (issuedAt != null && issuedAt.toInstant().isAfter(latestAcceptableIssue)) {
                throw new InvalidTokenException(Reason.NOT_YET_VALID, "token issued in the future");
            }
            Date expiration = read(Claims.EXPIRATION, claims::getExpiration);
            long userId = read(Claims.SUBJECT, () -> Long.parseLong(claims.getSubject()));
            String username = read(TokenClaims.USERNAME, () -> claims.get(TokenClaims.USERNAME, String.class));
            String role = read(TokenClaims.ROLE, () -> claims.get(TokenClaims.ROLE, String.class));
            String jti = read(Claims.ID, claims::getId);
            require(expiration != null, Claims.EXPIRATION);
            require(userId > 0, Claims.SUBJECT);
            require(username != null && !username.isBlank(), TokenClaims.USERNAME);
            require(jti != null && !jti.isBlank(), Claims.ID);
            Role parsedRole = read(TokenClaims.ROLE, () -> Role.fromWire(role));
            return new Principal(userId, username, parsedRole, jti, expiration.toInstant());
        }

        private static <T> T read(String claim, Supplier<T> reader) {
            try {
                return reader.get();
            } catch (JwtException | IllegalArgumentException e) {
                throw invalid(claim);
            }
        }

        private static void require(boolean condition, String claim) {
            if (!condition) {
                throw invalid(claim);
            }
        }

        private static InvalidTokenException invalid(String claim) {
            return new InvalidTokenException(Reason.BAD_CLAIMS, "token claims invalid: " + claim);
        }
    }
}
