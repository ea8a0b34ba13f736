package dev.huddle.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.server.config.Env;
import dev.huddle.server.trust.DevelopmentTls;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's health probe speaks https when the services get a TLS certificate, and trusts only that one. */
class HealthProbeTest {

    @TempDir
    Path root;
    private Vertx vertx;
    private HttpServer server;
    private Path tls;

    @BeforeEach
    void startAnHttpsHealthEndpoint() throws Exception {
        tls = root.resolve("tls");
        DevelopmentTls.make(tls, List.of("huddle.example.org"), Clock.systemUTC());
        vertx = Vertx.vertx();
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setSsl(true)
                .setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(tls.resolve(DevelopmentTls.SERVER_CERT).toString())
                    .setKeyPath(tls.resolve(DevelopmentTls.SERVER_KEY).toString())))
            .requestHandler(request -> request.response().setStatusCode(200).end("{\"status\":\"UP\"}"))
            .listen().await();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Test
    void withTheServicesCertificateTheProbeAsksOverHttps() throws Exception {
        HealthProbe probe = HealthProbe.of(Env.of(Map.of("HUDDLE_TLS_CERT", tls.resolve(DevelopmentTls.SERVER_CERT).toString(),
            "HUDDLE_TLS_KEY", tls.resolve(DevelopmentTls.SERVER_KEY).toString())));

        assertThat(probe.url(server.actualPort())).startsWith("https://127.0.0.1:");
        assertThat(probe.isUp(server.actualPort()).get()).isTrue();
    }

    @Test
    void aServerWithAnotherCertificateIsNotTakenForTheService() throws Exception {
        Path other = root.resolve("other");
        DevelopmentTls.make(other, List.of(), Clock.systemUTC());
        HealthProbe probe = HealthProbe.of(Env.of(Map.of("HUDDLE_TLS_CERT", other.resolve(DevelopmentTls.SERVER_CERT).toString(),
            "HUDDLE_TLS_KEY", other.resolve(DevelopmentTls.SERVER_KEY).toString())));

        assertThat(probe.isUp(server.actualPort()).get()).isFalse();
    }

    @Test
    void withoutTlsTheProbeSpeaksPlainHttp() throws Exception {
        HealthProbe probe = HealthProbe.of(Env.of(Map.of()));

        assertThat(probe.url(8081)).isEqualTo("http://127.0.0.1:8081/health");
        assertThat(probe.isUp(server.actualPort()).get()).isFalse(); // plain HTTP to a TLS port
    }
}
