package dev.huddle.server.token;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Ed25519 public keys a service accepts token signatures from, by key id ({@code kid}).
 * Thread-safe: keys are added from event-bus announcements while event loops verify tokens.
 *
 * <p>Only Ed25519 keys are admitted. Because the ring never holds a secret key, a token that
 * claims an HMAC algorithm cannot be verified "with the public key as the HMAC secret".
 */
public final class PublicKeyRing {

    private static final int KEY_ID_HEX_CHARS = 16;

    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

    /**
     * Accepts signatures by {@code key} on tokens whose header names {@code kid}. Adding a kid
     * again replaces its key.
     *
     * @throws IllegalArgumentException if {@code kid} is blank or {@code key} is not Ed25519
     */
    public void add(String kid, PublicKey key) {
        if (kid == null || kid.isBlank()) {
            throw new IllegalArgumentException("kid must not be blank");
        }
        keys.put(kid, requireEd25519(key));
    }

    /**
     * Makes {@code replacement} the ring's whole content: keys not in it stop verifying at once
     * (a retired key), new ones start. A kid whose key is unchanged keeps the very object it had:
     * verifiers remember tokens by key identity, so a refresh that brings nothing new must not make
     * them verify every cached token again.
     */
    public synchronized void replaceAll(Map<String, PublicKey> replacement) {
        replacement.forEach((kid, key) -> {
            PublicKey held = keys.get(kid);
            if (held == null || !Arrays.equals(held.getEncoded(), requireEd25519(key).getEncoded())) {
                add(kid, key);
            }
        });
        keys.keySet().retainAll(replacement.keySet());
    }

    /** The key registered under {@code kid}, if any. */
    public Optional<PublicKey> find(String kid) {
        return kid == null ? Optional.empty() : Optional.ofNullable(keys.get(kid));
    }

    /** How many keys the ring holds. */
    public int size() {
        return keys.size();
    }

    /**
     * The conventional key id of {@code key}: the first 16 hex characters of the SHA-256 of its
     * X.509 encoding. Stable across restarts, and different keys get different ids in practice.
     */
    public static String keyIdOf(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(requireEd25519(key).getEncoded());
            return HexFormat.of().formatHex(digest).substring(0, KEY_ID_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Encodes an Ed25519 public key as base64 of its X.509 (SubjectPublicKeyInfo) encoding. */
    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(requireEd25519(key).getEncoded());
    }

    /**
     * Decodes what {@link #encode} produced.
     *
     * @throws IllegalArgumentException if the text is not base64 of an X.509 Ed25519 public key
     */
    public static PublicKey decode(String base64) {
        Objects.requireNonNull(base64, "base64");
        try {
            byte[] der = Base64.getDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
            PublicKey key = KeyFactory.getInstance(TokenClaims.CURVE).generatePublic(new X509EncodedKeySpec(der));
            return requireEd25519(key);
        } catch (IllegalArgumentException | InvalidKeySpecException e) {
            throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Ed25519 is missing from this JDK", e);
        }
    }

    private static PublicKey requireEd25519(PublicKey key) {
        Objects.requireNonNull(key, "key");
        if (key instanceof EdECPublicKey edKey && TokenClaims.CURVE.equalsIgnoreCase(edKey.getParams().getName())) {
            return key;
        }
        throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
    }
}
