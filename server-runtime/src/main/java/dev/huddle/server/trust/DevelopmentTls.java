package dev.huddle.server.trust;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Certificates for client-facing TLS on a machine without a public CA ({@code ./huddle certs}): a
 * local CA that clients are told to trust, and a server certificate it signs for this machine's
 * names, which every service loads through {@code HUDDLE_TLS_CERT} / {@code HUDDLE_TLS_KEY}. Nothing
 * here concerns the cluster's own CA ({@link ClusterCredentials}): that one never leaves the cluster.
 *
 * <p>Files in the directory, every one mode 600:
 * <pre>
 *   ca.crt       the local CA's certificate: give it to clients (huddle cli --ca, a browser, curl --cacert)
 *   ca.key       its private key, kept so a new server certificate keeps the clients' trust
 *   server.crt   the server certificate followed by the CA's (the chain a server sends)
 *   server.key   its private key (PKCS#8 PEM, ECDSA P-256)
 * </pre>
 */
public final class DevelopmentTls {

    public static final String CA_CERT = "ca.crt";
    public static final String SERVER_CERT = "server.crt";
    public static final String SERVER_KEY = "server.key";
    static final String CA_KEY = "ca.key";

    private DevelopmentTls() {
    }

    /**
     * Issues a new server certificate for localhost, 127.0.0.1, ::1, this machine's host name and
     * {@code extraHosts}, signed by the CA in {@code dir} (made first when there is none).
     *
     * @return what was made and how to use it, for people
     */
    public static String make(Path dir, List<String> extraHosts, Clock clock) throws IOException {
        Files.createDirectories(dir);
        ClusterCa ca;
        String made;
        if (Files.isRegularFile(dir.resolve(CA_KEY)) && Files.isRegularFile(dir.resolve(CA_CERT))) {
            ca = ClusterCa.fromPem(PrivateFiles.read(dir.resolve(CA_CERT)), PrivateFiles.read(dir.resolve(CA_KEY)));
            made = "a new server certificate from the existing CA";
        } else {
            ca = ClusterCa.create(clock, "Huddle local CA");
            PrivateFiles.replace(dir.resolve(CA_KEY), ClusterCa.pem(ca.key()));
            PrivateFiles.replace(dir.resolve(CA_CERT), ClusterCa.pem(ca.certificate()));
            made = "a local CA and a server certificate";
        }
        List<String> hosts = hosts(extraHosts);
        ClusterCa.Issued server = ca.issueServer(clock, hosts);
        PrivateFiles.replace(dir.resolve(SERVER_KEY), ClusterCa.pem(server.key()));
        PrivateFiles.replace(dir.resolve(SERVER_CERT),
            ClusterCa.pem(server.certificate()) + ClusterCa.pem(ca.certificate()));
        Path cert = dir.resolve(SERVER_CERT).toAbsolutePath();
        Path key = dir.resolve(SERVER_KEY).toAbsolutePath();
        Path caCert = dir.resolve(CA_CERT).toAbsolutePath();
        return String.join("\n",
            "Made " + made + " in " + dir + ", for " + String.join(", ", hosts) + ",",
            "valid until " + server.certificate().getNotAfter().toInstant() + ". To turn TLS on:",
            "  export HUDDLE_TLS_CERT=" + cert + " HUDDLE_TLS_KEY=" + key,
            "  ./huddle up",
            "Clients trust the CA:",
            "  ./huddle cli --ca " + caCert + " login <username> <password>",
            "  curl --cacert " + caCert + " https://localhost:8081/health");
    }

    private static List<String> hosts(List<String> extra) {
        Set<String> hosts = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        try {
            hosts.add(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            // a machine without a resolvable name of its own: the loopback names still work
        }
        for (String host : extra) {
            if (host.isBlank() || host.contains("/") || host.contains(" ")) {
                throw new IllegalArgumentException("not a host name or address: '" + host + "'");
            }
            hosts.add(host.strip());
        }
        return new ArrayList<>(hosts);
    }
}
