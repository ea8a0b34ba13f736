package dev.huddle.server.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.Role;
import dev.huddle.server.testing.MutableClock;
import dev.huddle.server.token.InvalidTokenException.Reason;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenVerifierTest {

    private static final Duration SKEW = Duration.ofSeconds(30);

    private final MutableClock clock = MutableClock.atFixedInstant();
    private final Instant now = clock.instant();
    private final TestTokens tokens = new TestTokens();
    private final PublicKeyRing ring = new PublicKeyRing();
    private final RevocationList revocations = new RevocationList(clock);
    private final TokenVerifier verifier;

    TokenVerifierTest() {
        ring.add(tokens.kid, tokens.keyPair.getPublic());
        verifier = new TokenVerifier(ring, revocations, clock, SKEW);
    }

    @Test
    void goodTokenVerifiesToItsPrincipal() {
        Map<String, Object> claims = TestTokens.claims(now);
        claims.put(TokenClaims.ROLE, "admin");

        Principal principal = verifier.verify(tokens.sign(claims));

        assertThat(principal).isEqualTo(new Principal(42, "Alice", Role.ADMIN, (String) claims.get("jti"),
                now.plus(TestTokens.TTL)));
        assertThat(principal.isAdmin()).isTrue();
    }

    @Test
    void missingTokenIsRefused() {
        assertRefused(null, Reason.MISSING);
        assertRefused("", Reason.MISSING);
        assertRefused("   ", Reason.MISSING);
    }

    @Test
    void garbageIsRefusedAsMalformed() {
        assertRefused("hello", Reason.MALFORMED);
        assertRefused("a.b.c", Reason.MALFORMED);
        assertRefused("...", Reason.MALFORMED);
        assertRefused(TestTokens.handMade("not json", "{}", "c2ln"), Reason.MALFORMED);
        assertRefused("x".repeat(TokenVerifier.MAX_TOKEN_LENGTH + 1), Reason.MALFORMED);
    }

    @Test
    void expiredTokenIsRefused() {
        String token = tokens.sign(TestTokens.claims(now.minus(TestTokens.TTL).minus(SKEW).minusSeconds(1)));
        assertRefused(token, Reason.EXPIRED).hasMessage("token expired");
    }

    @Test
    void tokenJustExpiredButWithinClockSkewIsAccepted() {
        String token = tokens.sign(TestTokens.claims(now.minus(TestTokens.TTL).minus(SKEW)));
        assertThat(verifier.verify(token).userId()).isEqualTo(42);
    }

    @Test
    void tokenNotYetValidBeyondSkewIsRefused() {
        Map<String, Object> claims = TestTokens.claims(now);
        claims.put("nbf", now.plus(SKEW).plusSeconds(1).getEpochSecond());
        assertRefused(tokens.sign(claims), Reason.NOT_YET_VALID);
    }

    @Test
    void tokenIssuedInTheFutureBeyondSkewIsRefused() {
        Map<String, Object> claims = TestTokens.claims(now);
        claims.remove("nbf");
        claims.put("iat", now.plus(SKEW).plusSeconds(1).getEpochSecond());
        assertRefused(tokens.sign(claims), Reason.NOT_YET_VALID);
    }

    @Test
    void tokenIssuedSlightlyInTheFutureWithinSkewIsAccepted() {
        assertThat(verifier.verify(tokens.sign(TestTokens.claims(now.plus(SKEW)))).username()).isEqualTo("Alice");
    }

    @Test
    void wrongOrMissingIssuerIsRefused() {
        assertRefused(tokens.sign(with("iss", "evil-auth")), Reason.WRONG_ISSUER);
        assertRefused(tokens.sign(without("iss")), Reason.WRONG_ISSUER);
    }

    @Test
    void wrongOrMissingAudienceIsRefused() {
        assertRefused(tokens.sign(with("aud", "another-app")), Reason.WRONG_AUDIENCE);
        assertRefused(tokens.sign(without("aud")), Reason.WRONG_AUDIENCE);
    }

    @Test
    void unsignedTokenIsRefused() {
        String payload = TestTokens.goodPayloadJson(now);
        assertRefused(TestTokens.handMade("{\"alg\":\"none\"}", payload, ""), Reason.UNSIGNED);
        assertRefused(TestTokens.handMade("{\"alg\":\"NONE\",\"kid\":\"" + tokens.kid + "\"}", payload, ""),
                Reason.UNSIGNED);
        String signature = tokens.sign(TestTokens.claims(now)).split("\\.")[2];
        assertRefused(TestTokens.handMade("{\"alg\":\"none\"}", payload, signature), Reason.UNSIGNED);
    }

    @Test
    void hmacTokenKeyedWithThePublicKeyIsRefused() {
        byte[] x509 = tokens.keyPair.getPublic().getEncoded();
        byte[] raw = java.util.Arrays.copyOfRange(x509, x509.length - 32, x509.length);
        for (byte[] secret : new byte[][] {x509, raw}) {
            String token = Jwts.builder().header().keyId(tokens.kid).and()
                    .claims(TestTokens.claims(now))
                    .signWith(Keys.hmacShaKeyFor(secret), Jwts.SIG.HS256)
                    .compact();
            assertRefused(token, Reason.BAD_SIGNATURE);
        }
    }

    @Test
    void tamperedPayloadIsRefused() {
        String[] parts = tokens.sign(TestTokens.claims(now)).split("\\.");
        String json = TestTokens.payloadJson(String.join(".", parts));
        String promoted = json.replace("\"role\":\"user\"", "\"role\":\"admin\"");
        assertThat(promoted).isNotEqualTo(json);

        assertRefused(parts[0] + "." + TestTokens.b64(promoted) + "." + parts[2], Reason.BAD_SIGNATURE);
    }

    @Test
    void tamperedSignatureIsRefused() {
        String token = tokens.sign(TestTokens.claims(now));
        int i = token.lastIndexOf('.') + 10;
        String tampered = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);
        assertRefused(tampered, Reason.BAD_SIGNATURE);
    }

    @Test
    void tokenSignedByAnotherKeyUnderAKnownKidIsRefused() {
        String forged = TestTokens.sign(TestTokens.claims(now), TestTokens.newKeyPair(), tokens.kid);
        assertRefused(forged, Reason.BAD_SIGNATURE);
    }

    @Test
    void unknownOrMissingKeyIdIsRefused() {
        var stranger = TestTokens.newKeyPair();
        String unknown = TestTokens.sign(TestTokens.claims(now), stranger, PublicKeyRing.keyIdOf(stranger.getPublic()));
        assertRefused(unknown, Reason.UNKNOWN_KEY);
        assertRefused(TestTokens.sign(TestTokens.claims(now), tokens.keyPair, null), Reason.UNKNOWN_KEY);
    }

    @Test
    void revokedTokenIsRefused() {
        Map<String, Object> claims = TestTokens.claims(now);
        revocations.revoke((String) claims.get("jti"), now.plus(TestTokens.TTL));
        assertRefused(tokens.sign(claims), Reason.REVOKED).hasMessage("token revoked");
    }

    static Stream<Arguments> badClaims() {
        return Stream.of(
                Arguments.of("no sub", (Consumer<Map<String, Object>>) c -> c.remove("sub")),
                Arguments.of("sub not a number", (Consumer<Map<String, Object>>) c -> c.put("sub", "alice")),
                Arguments.of("sub zero", (Consumer<Map<String, Object>>) c -> c.put("sub", "0")),
                Arguments.of("sub negative", (Consumer<Map<String, Object>>) c -> c.put("sub", "-7")),
                Arguments.of("no username", (Consumer<Map<String, Object>>) c -> c.remove(TokenClaims.USERNAME)),
                Arguments.of("blank username", (Consumer<Map<String, Object>>) c -> c.put(TokenClaims.USERNAME, " ")),
                Arguments.of("numeric username", (Consumer<Map<String, Object>>) c -> c.put(TokenClaims.USERNAME, 7)),
                Arguments.of("no role", (Consumer<Map<String, Object>>) c -> c.remove(TokenClaims.ROLE)),
                Arguments.of("unknown role", (Consumer<Map<String, Object>>) c -> c.put(TokenClaims.ROLE, "root")),
                Arguments.of("no jti", (Consumer<Map<String, Object>>) c -> c.remove("jti")),
                Arguments.of("no exp", (Consumer<Map<String, Object>>) c -> c.remove("exp")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badClaims")
    void tokenWithMissingOrInvalidClaimsIsRefused(String description, Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = TestTokens.claims(now);
        change.accept(claims);
        assertRefused(tokens.sign(claims), Reason.BAD_CLAIMS);
    }

    @Test
    void cachedTokenIsRefusedOnceRevoked() {
        Map<String, Object> claims = TestTokens.claims(now);
        String token = tokens.sign(claims);
        verifier.verify(token);
        assertThat(verifier.cacheSize()).isEqualTo(1);

        revocations.revoke((String) claims.get("jti"), now.plus(TestTokens.TTL));

        assertRefused(token, Reason.REVOKED);
    }

    @Test
    void cachedTokenIsRefusedOnceTheClockPassesExpiry() {
        String token = tokens.sign(TestTokens.claims(now));
        verifier.verify(token);
        assertThat(verifier.cacheSize()).isEqualTo(1);

        clock.advance(TestTokens.TTL.plus(SKEW));
        assertThat(verifier.verify(token).userId()).isEqualTo(42);
        clock.advance(Duration.ofSeconds(1));

        assertRefused(token, Reason.EXPIRED);
    }

    @Test
    void cacheDoesNotGrowBeyondItsBound() {
        TokenVerifier small = new TokenVerifier(ring, revocations, clock, SKEW, 3);
        for (int i = 0; i < 10; i++) {
            small.verify(tokens.sign(TestTokens.claims(now)));
            assertThat(small.cacheSize()).isLessThanOrEqualTo(3);
        }
        assertThat(small.cacheSize()).isEqualTo(3);
    }

    @Test
    void verifierWithoutCacheStillVerifies() {
        TokenVerifier uncached = new TokenVerifier(ring, revocations, clock, SKEW, 0);
        String token = tokens.sign(TestTokens.claims(now));
        assertThat(uncached.verify(token)).isEqualTo(uncached.verify(token));
        assertThat(uncached.cacheSize()).isZero();
    }

    @Test
    void refusalMessagesNeverContainTheToken() {
        String token = tokens.sign(with("iss", "evil-auth"));
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token.split("\\.")[1]))
                .hasNoCause();
    }

    @Test
    void clockSkewLongerThanRevocationRetentionIsRejected() {
        RevocationList shortMemory = new RevocationList(clock, Duration.ofSeconds(10));
        assertThatThrownBy(() -> new TokenVerifier(ring, shortMemory, clock, SKEW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Map<String, Object> with(String claim, Object value) {
        Map<String, Object> claims = TestTokens.claims(now);
        claims.put(claim, value);
        return claims;
    }

    private Map<String, Object> without(String claim) {
        Map<String, Object> claims = TestTokens.claims(now);
        claims.remove(claim);
        return claims;
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String token, Reason reason) {
        return assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
