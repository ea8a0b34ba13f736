package dev.huddle.server.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.server.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCredentialsTest {

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.now());

    @Test
    void ensureCreatesACaANodeCertificateAndASecretReadableByTheOwnerOnly() throws Exception {
        String done = ClusterCredentials.ensure(dir, dir.resolve("ca"), clock);

        assertThat(done).contains("created a cluster CA");
        ClusterCredentials credentials = ClusterCredentials.load(dir, clock);
        assertThat(credentials.clusterName("huddle-alice")).matches("huddle-alice-[0-9a-f]{32}");
        for (String file : new String[] {"node.key", "node.crt", "ca.crt", "cluster.secret", "ca/ca.key"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))))
                .as(file).isEqualTo("rw-------");
        }
        X509Certificate node = ClusterCa.certificate(Files.readString(credentials.nodeCertificate()));
        assertThat(node.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(node.getBasicConstraints()).isEqualTo(-1);
    }

    @Test
    void ensureKeepsValidCredentialsAndRenewsANodeCertificateNearItsEndFromTheSameCa() throws Exception {
        ClusterCredentials.ensure(dir, dir.resolve("ca"), clock);
        String ca = Files.readString(dir.resolve("ca.crt"));
        String secret = Files.readString(dir.resolve("cluster.secret"));
        String node = Files.readString(dir.resolve("node.crt"));

        assertThat(ClusterCredentials.ensure(dir, dir.resolve("ca"), clock)).contains("are valid until");
        assertThat(Files.readString(dir.resolve("node.crt"))).isEqualTo(node);

        clock.advance(ClusterCa.NODE_VALIDITY.minus(Duration.ofDays(10)));
        assertThat(ClusterCredentials.ensure(dir, dir.resolve("ca"), clock)).contains("renewed the node certificate");
        assertThat(Files.readString(dir.resolve("node.crt"))).isNotEqualTo(node);
        assertThat(Files.readString(dir.resolve("ca.crt"))).isEqualTo(ca);
        assertThat(Files.readString(dir.resolve("cluster.secret"))).isEqualTo(secret);
    }

    @Test
    void rotateReplacesTheCaTheNodeCertificateAndTheSecret() throws Exception {
        ClusterCredentials.ensure(dir, dir.resolve("ca"), clock);
        String ca = Files.readString(dir.resolve("ca.crt"));
        String secret = Files.readString(dir.resolve("cluster.secret"));

        ClusterCredentials.rotate(dir, dir.resolve("ca"), clock);

        assertThat(Files.readString(dir.resolve("ca.crt"))).isNotEqualTo(ca);
        assertThat(Files.readString(dir.resolve("cluster.secret"))).isNotEqualTo(secret);
        ClusterCredentials.load(dir, clock);
    }

    @Test
    void aNodeCertificateFromAnotherCaIsRefused(@TempDir Path other) throws Exception {
        ClusterCredentials.ensure(dir, dir.resolve("ca"), clock);
        ClusterCredentials.ensure(other, other.resolve("ca"), clock);
        Files.copy(other.resolve("ca.crt"), dir.resolve("ca.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> ClusterCredentials.load(dir, clock))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not signed by");
    }

    @Test
    void missingCredentialsAreReportedWithHowToMakeThem() {
        assertThatThrownBy(() -> ClusterCredentials.load(dir, clock))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("no cluster credentials in " + dir)
            .hasMessageContaining("./huddle up creates them");
    }

    @Test
    void anExpiredNodeCertificateIsRefused() throws Exception {
        ClusterCredentials.ensure(dir, dir.resolve("ca"), clock);
        clock.advance(ClusterCa.NODE_VALIDITY.plusDays(1));

        assertThatThrownBy(() -> ClusterCredentials.load(dir, clock)).hasMessageContaining("expired");
    }
}
