package dev.huddle.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same trust on the HTTP client and the WebSocket as on the line connection. */
class ClientTlsTest {

    @TempDir
    Path dir;

    @Test
    void offLeavesHttpAndWebSocketPlain() {
        assertThat(ClientTls.OFF.applyTo(new HttpClientOptions()).isSsl()).isFalse();
        assertThat(ClientTls.OFF.applyTo(new WebSocketClientOptions()).isSsl()).isFalse();
        assertThat(ClientTls.OFF.httpScheme()).isEqualTo("http");
    }

    @Test
    void aCaFileIsTheOnlyTrustAndTheServersNameIsChecked() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----\n");
        ClientTls tls = ClientTls.trusting(ca);
        HttpClientOptions http = tls.applyTo(new HttpClientOptions());
        WebSocketClientOptions ws = tls.applyTo(new WebSocketClientOptions());
        assertThat(http.isSsl()).isTrue();
        assertThat(http.isVerifyHost()).isTrue();
        assertThat(http.isTrustAll()).isFalse();
        assertThat(((PemTrustOptions) http.getTrustOptions()).getCertPaths()).containsExactly(ca.toString());
        assertThat(ws.isSsl()).isTrue();
        assertThat(ws.isVerifyHost()).isTrue();
        assertThat(((PemTrustOptions) ws.getTrustOptions()).getCertPaths()).containsExactly(ca.toString());
        assertThat(tls.httpScheme()).isEqualTo("https");
    }

    @Test
    void systemTrustChecksTheNameAgainstTheJdksAuthorities() {
        HttpClientOptions http = ClientTls.systemTrust().applyTo(new HttpClientOptions());
        assertThat(http.isSsl()).isTrue();
        assertThat(http.getTrustOptions()).isNull();
        assertThat(http.isVerifyHost()).isTrue();
    }

    @Test
    void trustingAnyoneIsOnlyWhatItSays() {
        WebSocketClientOptions ws = ClientTls.trustingAny().applyTo(new WebSocketClientOptions());
        assertThat(ws.isTrustAll()).isTrue();
        assertThat(ws.isVerifyHost()).isFalse();
    }

    @Test
    void anUnreadableCaFileIsRefusedBeforeConnecting() {
        assertThatThrownBy(() -> ClientTls.trusting(dir.resolve("missing.crt")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read the CA file");
    }
}
