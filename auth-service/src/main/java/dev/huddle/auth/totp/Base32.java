package dev.huddle.auth.totp;

/**
 * RFC 4648 base32 without padding, upper case: how authenticator apps take a TOTP secret (the
 * {@code secret=} of an {@code otpauth://} URI). Huddle's server only encodes; {@link #decode} is
 * what an authenticator (or a test acting as one) does with the text.
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

    /** The bytes of a base32 text (upper or lower case, padding and spaces ignored). */
    public static byte[] decode(String text) {
        String clean = text.replace("=", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < clean.length(); i++) {
            int value = new String(ALPHABET).indexOf(clean.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not base32: " + clean.charAt(i));
            }
            buffer = buffer << 5 | value;
            bits += 5;
            if (bits >= 8) {
                out.write(buffer >>> bits - 8 & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
