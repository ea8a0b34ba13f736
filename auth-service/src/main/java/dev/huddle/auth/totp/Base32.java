package dev.huddle.auth.totp;

/**
 * RFC 4648 base32 without padding, upper case: how authenticator apps take a TOTP secret (the
 * {@code secret=} of an {@code otpauth://} URI). Encoding only; Huddle never reads a secret back
 * from text.
 */
public final class Base32 {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Base32() {
    }

    public static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = buffer << 8 | b & 0xff;
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[buffer >>> bits - 5 & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[buffer << 5 - bits & 31]);
        }
        return out.toString();
    }
}
