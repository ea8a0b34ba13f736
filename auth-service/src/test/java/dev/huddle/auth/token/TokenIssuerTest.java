package dev.huddle.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.Role;
import dev.huddle.server.testing.MutableClock;
import dev.huddle.server.token.InvalidTokenException;
import dev.huddle.server.token.Principal;
import dev.huddle.server.token.PublicKeyRing;
import dev.huddle.server.token.RevocationList;
import dev.huddle.server.token.SigningKey;
import dev.huddle.server.token.TokenClaims;
import dev.huddle.server.token.TokenVerifier;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import java.time.Duration;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenIssuerTest {

    private static final Duration TTL = Duration.ofMinutes(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2024-10-30T09:15:02.114Z"));
    private final SigningKey key = SigningKey.generate();
    private final TokenIssuer issuer = new TokenIssuer(key, clock, TTL);
    private final RevocationList revocations = new RevocationList(clock);
    private final TokenVerifier verifier;

    TokenIssuerTest() {
        PublicKeyRing ring = new PublicKeyRing();
        ring.add(key.kid(), key.publicKey());
        verifier = new TokenVerifier(ring, revocations, clock, Duration.ofSeconds(30));
    }

    @Test
    void issuedTokenVerifiesToTheSamePrincipal() {
        IssuedToken issued = issuer.issue(42, "Alice", Role.ADMIN);

        Principal principal = verifier.verify(issued.token());

        assertThat(principal).isEqualTo(new Principal(42, "Alice", Role.ADMIN, issued.tokenId(), issued.expiresAt()));
    }

    @Test
    void issuedTokenCarriesTheAgreedClaimsAndHeader() {
        IssuedToken issued = issuer.issue(42, "Alice", Role.USER);

        Jws<Claims> jws = Jwts.parser().verifyWith(key.publicKey()).clock(() -> Date.from(clock.instant()))
                .build().parseSignedClaims(issued.token());
        Claims claims = jws.getPayload();

        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(TokenClaims.ALGORITHM);
        assertThat(jws.getHeader().getKeyId()).isEqualTo(key.kid());
        assertThat(claims.getSubject()).isEqualTo("42");
        assertThat(claims.get(TokenClaims.USERNAME, String.class)).isEqualTo("Alice");
        assertThat(claims.get(TokenClaims.ROLE, String.class)).isEqualTo("user");
        assertThat(claims.getId()).isEqualTo(issued.tokenId());
        assertThat(claims.getIssuer()).isEqualTo(TokenClaims.ISSUER);
        assertThat(claims.getAudience()).containsExactly(TokenClaims.AUDIENCE);
        assertThat(claims.getIssuedAt().toInstant()).isEqualTo(Instant.parse("2024-10-30T09:15:02Z"));
        assertThat(claims.getNotBefore()).isEqualTo(claims.getIssuedAt());
        assertThat(claims.getExpiration().toInstant()).isEqualTo(Instant.parse("2024-10-30T09:45:02Z"));
        assertThat(issued.issuedAt()).isEqualTo(claims.getIssuedAt().toInstant());
        assertThat(issued.expiresAt()).isEqualTo(claims.getExpiration().toInstant());
    }

    @Test
    void issuedTokenVerifiesWithBouncyCastleCheckingTheSignature() {
        PublicKeyRing ring = new PublicKeyRing();
        ring.add(key.kid(), key.publicKey());
        TokenVerifier bc = new TokenVerifier(ring, revocations, clock, Duration.ofSeconds(30), 0,
                new BouncyCastleProvider());
        IssuedToken issued = issuer.issue(42, "Alice", Role.USER);
        String tampered = issued.token().substring(0, issued.token().length() - 6) + "AAAAAA";

        assertThat(bc.verify(issued.token()).tokenId()).isEqualTo(issued.tokenId());
        assertThatThrownBy(() -> bc.verify(tampered))
                .isInstanceOfSatisfying(InvalidTokenException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidTokenException.Reason.BAD_SIGNATURE));
    }

    @Test
    void everyTokenGetsItsOwnId() {
        String first = issuer.issue(1, "a1b", Role.USER).tokenId();
        assertThat(issuer.issue(1, "a1b", Role.USER).tokenId()).isNotEqualTo(first);
    }

    @Test
    void issuedTokenIsRefusedAfterItsTimeToLive() {
        IssuedToken issued = issuer.issue(42, "Alice", Role.USER);
        clock.advance(TTL.plusMinutes(1));

        assertThatThrownBy(() -> verifier.verify(issued.token()))
                .isInstanceOfSatisfying(InvalidTokenException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidTokenException.Reason.EXPIRED));
    }

    @Test
    void toStringLeavesTheTokenOut() {
        IssuedToken issued = issuer.issue(42, "Alice", Role.USER);

        assertThat(issued.toString()).doesNotContain(issued.token()).contains(issued.tokenId());
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatThrownBy(() -> issuer.issue(0, "Alice", Role.USER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> issuer.issue(1, " ", Role.USER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> issuer.issue(1, "Alice", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TokenIssuer(key, clock, Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokenSignedBeforeReloadVerifiesWithTheReloadedKey(@TempDir Path dir) {
        MutableClock clock = MutableClock.atFixedInstant();
        String token = new TokenIssuer(SigningKey.loadOrCreate(dir), clock, Duration.ofMinutes(5))
                .issue(7, "bob", Role.USER).token();

        SigningKey reloaded = SigningKey.loadOrCreate(dir);
        PublicKeyRing ring = new PublicKeyRing();
        ring.add(reloaded.kid(), PublicKeyRing.decode(reloaded.publicKeyText()));
        TokenVerifier verifier = new TokenVerifier(ring, new RevocationList(clock), clock, Duration.ZERO);

        assertThat(verifier.verify(token).username()).isEqualTo("bob");
    }
}
