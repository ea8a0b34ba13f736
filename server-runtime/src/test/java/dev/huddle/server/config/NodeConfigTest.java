package dev.huddle.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeConfigTest {

    @Test
    void defaultsClusterOnLoopbackWithTheServicesOwnPort() {
        NodeConfig config = NodeConfig.read("auth-service", 8081, Env.of(Map.of()));
        assertThat(config.clusterName()).isEqualTo("huddle");
        assertThat(config.clusterBind()).isEqualTo("127.0.0.1");
        assertThat(config.clusterPublicHost()).isEqualTo("127.0.0.1");
        assertThat(config.clusterPort()).isEqualTo(5701);
        assertThat(config.clusterMembers()).contains("127.0.0.1:5701", "127.0.0.1:5702");
        assertThat(config.httpPort()).isEqualTo(8081);
        assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.tlsEnabled()).isFalse();
    }

    @Test
    void publicHostDefaultsToTheBindAddressUnlessGiven() {
        NodeConfig config = NodeConfig.read("s", 1, Env.of(Map.of(
            "HUDDLE_CLUSTER_BIND", "0.0.0.0", "HUDDLE_CLUSTER_PUBLIC_HOST", "auth-service")));
        assertThat(config.clusterBind()).isEqualTo("0.0.0.0");
        assertThat(config.clusterPublicHost()).isEqualTo("auth-service");
    }

    @Test
    void tlsNeedsBothCertificateAndKey() {
        assertThatThrownBy(() -> NodeConfig.read("s", 1, Env.of(Map.of("HUDDLE_TLS_CERT", "/tmp/cert.pem"))))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("HUDDLE_TLS_CERT and HUDDLE_TLS_KEY");
        NodeConfig tls = NodeConfig.read("s", 1, Env.of(Map.of(
            "HUDDLE_TLS_CERT", "/tmp/cert.pem", "HUDDLE_TLS_KEY", "/tmp/key.pem")));
        assertThat(tls.tlsEnabled()).isTrue();
    }

    @Test
    void emptyMemberListIsRefused() {
        assertThatThrownBy(() -> NodeConfig.read("s", 1, Env.of(Map.of("HUDDLE_CLUSTER_MEMBERS", " , "))))
            .hasMessageContaining("HUDDLE_CLUSTER_MEMBERS");
    }

    @Test
    void httpPortIsReadFromTheSharedVariable() {
        NodeConfig config = NodeConfig.read("s", 8082, Env.of(Map.of("HUDDLE_HTTP_PORT", "9090")));
        assertThat(config.httpPort()).isEqualTo(9090);
    }
}
