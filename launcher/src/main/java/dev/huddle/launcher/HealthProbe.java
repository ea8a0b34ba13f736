package dev.huddle.launcher;

import dev.huddle.server.config.Env;
import dev.huddle.server.config.NodeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * {@code GET /health} on 127.0.0.1: up means 200 (a draining or unclustered service answers 503).
 * With TLS on ({@code HUDDLE_TLS_CERT} set, as the services get it) the probe speaks https and
 * accepts exactly the certificate the services were given: it asks its own machine, so it pins that
 * certificate rather than checking names, which a certificate for a public name would not match.
 */
final class HealthProbe {

    private final HttpClient client;
    private final String scheme;

    private HealthProbe(HttpClient client, String scheme) {
        this.client = client;
        this.scheme = scheme;
    }

    /** The probe for the services as {@code env} configures them. */
    static HealthProbe of(Env env) {
        Path certificate = NodeConfig.TLS_CERT.read(env);
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1));
        if (certificate == null) {
            return new HealthProbe(builder.build(), "http");
        }
        return new HealthProbe(builder.sslContext(pinning(certificate)).build(), "https");
    }

    /** Where a service on {@code port} is reached from this machine. */
    String baseUrl(int port) {
        return scheme + "://127.0.0.1:" + port;
    }

    String url(int port) {
        return baseUrl(port) + "/health";
    }

    CompletableFuture<Boolean> isUp(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(port))).timeout(Duration.ofSeconds(2)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
            .thenApply(response -> response.statusCode() == 200)
            .exceptionally(notAnswering -> false);
    }

    private static SSLContext pinning(Path certificateFile) {
        Certificate leaf;
        try (InputStream in = Files.newInputStream(certificateFile)) {
            Collection<? extends Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("HUDDLE_TLS_CERT: no certificate in " + certificateFile);
            }
            leaf = chain.iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException("HUDDLE_TLS_CERT: cannot read " + certificateFile, e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("HUDDLE_TLS_CERT: not a PEM certificate: " + certificateFile, e);
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new Pinned(leaf)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JDK", e);
        }
    }

    /** Trusts a server that presents exactly {@code leaf}, under any name. */
    private static final class Pinned extends X509ExtendedTrustManager {

        private final Certificate leaf;

        Pinned(Certificate leaf) {
            this.leaf = leaf;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0 || !leaf.equals(chain[0])) {
                throw new CertificateException("not the certificate HUDDLE_TLS_CERT names");
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a probe never accepts clients");
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
}
