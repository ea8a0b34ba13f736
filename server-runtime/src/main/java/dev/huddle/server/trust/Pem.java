package dev.huddle.server.trust;

import java.util.Base64;

/**
 * PEM text (RFC 7468): a base64 body, 64 characters a line, between {@code -----BEGIN <label>-----}
 * and {@code -----END <label>-----}. Labels used here: {@code PRIVATE KEY} (PKCS#8) and
 * {@code CERTIFICATE} (X.509 DER).
 */
public final class Pem {

    public static final String PRIVATE_KEY = "PRIVATE KEY";
    public static final String CERTIFICATE = "CERTIFICATE";

    private Pem() {
    }

    public static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
            + "\n-----END " + label + "-----\n";
    }

    /**
     * The DER bytes of the first block with this label.
     *
     * @throws IllegalArgumentException if there is no such block or its body is not base64
     */
    public static byte[] decode(String label, String pem) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = from < 0 ? -1 : pem.indexOf(end, from);
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("no " + begin + " block");
        }
        return Base64.getDecoder().decode(pem.substring(from + begin.length(), to).replaceAll("\\s", ""));
    }
}
