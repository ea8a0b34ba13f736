package dev.huddle.server.token;

import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds real tokens the way the auth-service does, and the broken ones an attacker would try. */
final class TestTokens {

    static final Duration TTL = Duration.ofMinutes(15);

    final KeyPair keyPair = newKeyPair();
    final String kid = PublicKeyRing.keyIdOf(keyPair.getPublic());

    static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a good token for user 42 "Alice" (role user) issued at {@code now}; mutable. */
    static Map<String, Object> claims(Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", TokenClaims.ISSUER);
        claims.put("aud", TokenClaims.AUDIENCE);
        claims.put("sub", "42");
        claims.put(TokenClaims.USERNAME, "Alice");
        claims.put(TokenClaims.ROLE, "user");
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.plus(TTL).getEpochSecond());
        return claims;
    }

    String sign(Map<String, Object> claims) {
        return sign(claims, keyPair, kid);
    }

    static String sign(Map<String, Object> claims, KeyPair signer, String kid) {
        var builder = Jwts.builder().claims(claims);
        if (kid != null) {
            builder.header().keyId(kid);
        }
        return builder.signWith(signer.getPrivate(), Jwts.SIG.EdDSA).compact();
    }

    /** A compact JWS assembled by hand from a header and payload JSON, with the given signature part. */
    static String handMade(String headerJson, String payloadJson, String signature) {
        return b64(headerJson) + "." + b64(payloadJson) + "." + signature;
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String payloadJson(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /** The payload JSON of a good token whose claims are otherwise as {@link #claims} gives. */
    static String goodPayloadJson(Instant now) {
        return """
                {"iss":"huddle-auth","aud":"huddle","sub":"42","username":"Alice","role":"admin",\
                "jti":"%s","iat":%d,"nbf":%d,"exp":%d}"""
                .formatted(UUID.randomUUID(), now.getEpochSecond(), now.getEpochSecond(),
                        now.plus(TTL).getEpochSecond());
    }
}
