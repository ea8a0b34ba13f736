package dev.huddle.server.token;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SignatureAlgorithm;

/**
 * The shape of a Huddle access token, shared by the auth-service that signs tokens and every
 * service that verifies them.
 *
 * <p>A token is a compact JWS signed with EdDSA over Ed25519. Header: {@code alg=EdDSA} and
 * {@code kid} naming the signing key (see {@link PublicKeyRing#keyIdOf}). Claims:
 * <pre>
 *   iss       "huddle-auth"                 sub  user id as a decimal string
 *   aud       "huddle"                      jti  random UUID, the handle used to revoke
 *   iat, nbf  issue time (epoch seconds)    exp  expiry (epoch seconds)
 *   username  display name as registered    role "user" | "admin"
 * </pre>
 */
public final class TokenClaims {

    /** Value of {@code iss}: only the auth-service issues tokens. */
    public static final String ISSUER = "huddle-auth";
    /** Value of {@code aud}: tokens are for Huddle services only. */
    public static final String AUDIENCE = "huddle";
    /** Claim carrying the username (display case). */
    public static final String USERNAME = "username";
    /** Claim carrying the {@linkplain dev.huddle.contracts.Role#wireName() role wire name}. */
    public static final String ROLE = "role";
    /** JOSE header naming the key that signed the token. */
    public static final String KEY_ID = "kid";
    /** JOSE {@code alg} value of Huddle tokens. */
    public static final String ALGORITHM = "EdDSA";
    /** The curve of Huddle signing keys, as the JDK names it. */
    public static final String CURVE = "Ed25519";

    /** The signature algorithm, for builders and parsers. */
    public static SignatureAlgorithm signatureAlgorithm() {
        // a method rather than a constant: Jwts.SIG loads jjwt-impl, which is only on the runtime class path
        return Jwts.SIG.EdDSA;
    }

    private TokenClaims() {
    }
}
