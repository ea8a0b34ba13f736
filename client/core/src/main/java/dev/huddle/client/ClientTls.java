package dev.huddle.client;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.ClientOptionsBase;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

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

    /** The scheme of this setting's HTTP URLs. */
    public String httpScheme() {
        return enabled ? "https" : "http";
    }

    /**
     * The same trust for the JDK's HTTP client (file transfers); null when TLS is off or the JDK's
     * defaults apply.
     */
    public SSLContext sslContext() {
        if (!enabled || (trusted == null && !trustAny)) {
            return null;
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustAny ? new TrustManager[] {new AnyCertificate()} : fromPem(trusted), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use the CA file " + trusted + ": " + e.getMessage(), e);
        }
    }

    private static TrustManager[] fromPem(Path pemFile) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pemFile)) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("trusted-" + i++, certificate);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    /**
     * Accepts every server, under any name (the JDK checks names in the trust manager, so this one
     * skips that too): what {@link #trustingAny()} asks for.
     */
    private static final class AnyCertificate extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a client accepts no clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** {@code options} with this TLS setting applied. */
    public NetClientOptions applyTo(NetClientOptions options) {
        if (!enabled) {
            return options;
        }
        trust(options);
        return options.setHostnameVerificationAlgorithm(trustAny ? "" : "HTTPS");
    }

    /** {@code options} (the HTTP APIs) with this TLS setting applied. */
    public HttpClientOptions applyTo(HttpClientOptions options) {
        if (!enabled) {
            return options;
        }
        trust(options);
        return options.setVerifyHost(!trustAny);
    }

    /** {@code options} (chat-service's WebSocket) with this TLS setting applied. */
    public WebSocketClientOptions applyTo(WebSocketClientOptions options) {
        if (!enabled) {
            return options;
        }
        trust(options);
        return options.setVerifyHost(!trustAny);
    }

    private void trust(ClientOptionsBase options) {
        options.setSsl(true);
        if (trustAny) {
            options.setTrustAll(true);
        } else if (trusted != null) {
            options.setTrustOptions(new PemTrustOptions().addCertPath(trusted.toString()));
        }
    }
}
