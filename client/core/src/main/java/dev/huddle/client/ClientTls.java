package dev.huddle.client;

import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Whether a client speaks TLS to a Huddle server, and whom it trusts: the JDK's certificate
 * authorities, the certificates in a PEM file (the development CA {@code ./huddle certs} makes, or a
 * server's own self-signed certificate), or — only when asked for by name — any certificate at all.
 * The server's name is checked against its certificate unless any certificate is trusted.
 *
 * @param enabled  whether to speak TLS
 * @param trusted  PEM file of the certificates to trust instead of the JDK's; null for the JDK's
 * @param trustAny accept any certificate and name (encryption without authentication: testing only)
 */
public record ClientTls(boolean enabled, Path trusted, boolean trustAny) {

    /** Plain TCP. */
    public static final ClientTls OFF = new ClientTls(false, null, false);

    public ClientTls {
        if (!enabled && (trusted != null || trustAny)) {
            throw new IllegalArgumentException("trust settings need TLS on");
        }
        if (trusted != null && trustAny) {
            throw new IllegalArgumentException("trust a given CA or any certificate, not both");
        }
    }

    /** TLS, trusting the JDK's certificate authorities. */
    public static ClientTls systemTrust() {
        return new ClientTls(true, null, false);
    }

    /**
     * TLS, trusting the certificates in {@code pemFile}.
     *
     * @throws IllegalArgumentException if the file cannot be read
     */
    public static ClientTls trusting(Path pemFile) {
        Objects.requireNonNull(pemFile, "pemFile");
        if (!Files.isReadable(pemFile)) {
            throw new IllegalArgumentException("cannot read the CA file " + pemFile);
        }
        return new ClientTls(true, pemFile, false);
    }

    /** TLS that accepts any certificate: no protection against someone in the middle. */
    public static ClientTls trustingAny() {
        return new ClientTls(true, null, true);
    }

    /** {@code options} with this TLS setting applied. */
    public NetClientOptions applyTo(NetClientOptions options) {
        if (!enabled) {
            return options;
        }
        options.setSsl(true);
        if (trustAny) {
            return options.setTrustAll(true).setHostnameVerificationAlgorithm("");
        }
        if (trusted != null) {
            options.setTrustOptions(new PemTrustOptions().addCertPath(trusted.toString()));
        }
        return options.setHostnameVerificationAlgorithm("HTTPS");
    }
}
