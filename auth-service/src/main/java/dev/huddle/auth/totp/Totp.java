package dev.huddle.auth.totp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238, HOTP of RFC 4226 over 30-second steps). Stateless and
 * thread-safe; the caller supplies the time, so tests pin it (the RFC's vectors are whole instants).
 *
 * <p>Huddle's codes are what every authenticator app makes by default: HMAC-SHA1, 6 digits, a
 * 30-second step from the Unix epoch. {@link #verify} accepts the step before and after the current
 * one (a phone's clock and the typing take a few seconds) and answers <em>which</em> step matched,
 * so the caller can refuse a replay of that step or any earlier one.
 */
public final class Totp {

    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;
    public static final String ALGORITHM = "HmacSHA1";
    /** Steps accepted either side of the current one. */
    public static final int DRIFT_STEPS = 1;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** The step an instant falls in: whole {@link #STEP}s since the epoch. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    /** The code for one step: {@code digits} decimal digits, zero-padded (RFC 4226, section 5.3). */
    public static String code(byte[] key, long step, int digits, String hmacAlgorithm) {
        if (digits < 1 || digits >= POWERS.length) {
            throw new IllegalArgumentException("digits must be 1 to 8");
        }
        byte[] hash = hmac(key, ByteBuffer.allocate(Long.BYTES).putLong(step).array(), hmacAlgorithm);
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16
            | (hash[offset + 2] & 0xff) << 8 | hash[offset + 3] & 0xff;
        String digitsText = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - digitsText.length()) + digitsText;
    }

    /** Huddle's code (SHA-1, 6 digits) for the step {@code at} falls in. */
    public static String code(byte[] key, Instant at) {
        return code(key, step(at), DIGITS, ALGORITHM);
    }

    /**
     * The step, within {@link #DRIFT_STEPS} of {@code at}'s, whose code is {@code code}; empty when
     * none is. The comparison takes the same time whichever digit differs.
     */
    public static OptionalLong verify(byte[] key, String code, Instant at) {
        Objects.requireNonNull(key, "key");
        if (code == null || code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long now = step(at);
        for (long step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
            if (MessageDigest.isEqual(code(key, step, DIGITS, ALGORITHM).getBytes(), code.getBytes())) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    private static byte[] hmac(byte[] key, byte[] message, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
