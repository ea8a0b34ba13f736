package dev.huddle.server.trust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What makes a process a member of the platform's cluster: a node certificate issued by the
 * cluster CA (the event bus accepts only peers that present one, and only talks to peers that do),
 * and the cluster secret (appended to the Hazelcast cluster name, so a process that knows only the
 * configured name cannot even join Hazelcast).
 *
 * <p>Files, in the credentials directory ({@code HUDDLE_CLUSTER_CREDENTIALS}; {@code data/cluster}
 * under {@code ./huddle up}), every one mode 600:
 * <pre>
 *   ca.crt          the cluster CA's certificate: the only issuer a node trusts
 *   node.crt        this platform's node certificate (client and server), signed by the CA
 *   node.key        its private key (PKCS#8 PEM, ECDSA P-256)
 *   cluster.secret  32 hex characters
 *   ca/ca.crt, ca/ca.key   the CA itself; only this tool reads ca.key. Compose keeps it on a
 *                  volume of its own that only the init service mounts ({@code --ca-dir}).
 * </pre>
 *
 * <p>The tool ({@code main}): {@code ensure} creates what is missing and renews a node certificate
 * that expires within {@link #RENEW_BEFORE}; {@code rotate} replaces the CA, the node certificate and
 * the secret (every service must then be restarted: old and new nodes no longer accept each other);
 * {@code show} prints what is there.
 */
public final class ClusterCredentials {

    public static final String CA_CERT = "ca.crt";
    public static final String NODE_CERT = "node.crt";
    public static final String NODE_KEY = "node.key";
    public static final String SECRET = "cluster.secret";
    static final String CA_KEY = "ca.key";
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final Pattern SECRET_FORMAT = Pattern.compile("[0-9a-f]{32}");
    private static final String USAGE = "usage: ClusterCredentials ensure|rotate|show --dir <credentials dir> "
        + "[--ca-dir <CA dir, default <dir>/ca>] [--owner <uid>:<gid>]";

    private final Path dir;
    private final String secret;
    private final X509Certificate nodeCertificate;

    private ClusterCredentials(Path dir, String secret, X509Certificate nodeCertificate) {
        this.dir = dir;
        this.secret = secret;
        this.nodeCertificate = nodeCertificate;
    }

    /**
     * Loads and checks the credentials a node runs with.
     *
     * @throws IllegalStateException naming what is missing or wrong and how to make it
     */
    public static ClusterCredentials load(Path dir, Clock clock) {
        try {
            for (String name : List.of(CA_CERT, NODE_CERT, NODE_KEY, SECRET)) {
                if (!Files.isRegularFile(dir.resolve(name))) {
                    throw new IllegalStateException("no cluster credentials in " + dir + " (" + name + " is missing); "
                        + "./huddle up creates them, compose's cluster-credentials service too, or run "
                        + "ClusterCredentials ensure --dir " + dir);
                }
            }
            X509Certificate ca = ClusterCa.certificate(Files.readString(dir.resolve(CA_CERT)));
            X509Certificate node = ClusterCa.certificate(Files.readString(dir.resolve(NODE_CERT)));
            ClusterCa.privateKey(PrivateFiles.read(dir.resolve(NODE_KEY)));
            if (!ClusterCa.signedBy(node, ca)) {
                throw new IllegalStateException(dir.resolve(NODE_CERT) + " is not signed by " + dir.resolve(CA_CERT));
            }
            if (clock.instant().isAfter(node.getNotAfter().toInstant())) {
                throw new IllegalStateException(dir.resolve(NODE_CERT) + " expired on " + node.getNotAfter().toInstant()
                    + "; renew it with ./huddle credentials");
            }
            String secret = PrivateFiles.read(dir.resolve(SECRET)).trim();
            if (!SECRET_FORMAT.matcher(secret).matches()) {
                throw new IllegalStateException(dir.resolve(SECRET) + " does not hold 32 hex characters");
            }
            return new ClusterCredentials(dir, secret, node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the cluster credentials in " + dir + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("corrupt cluster credentials in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The Hazelcast cluster name: the configured one, with the secret appended. */
    public String clusterName(String configured) {
        return configured + "-" + secret;
    }

    public Path caCertificate() {
        return dir.resolve(CA_CERT);
    }

    public Path nodeCertificate() {
        return dir.resolve(NODE_CERT);
    }

    public Path nodeKey() {
        return dir.resolve(NODE_KEY);
    }

    public Instant expiresAt() {
        return nodeCertificate.getNotAfter().toInstant();
    }

    /**
     * Makes sure {@code dir} holds usable credentials: keeps what is valid, renews a node
     * certificate close to its end from the existing CA, creates whatever is missing.
     *
     * @return one line saying what was done
     */
    public static String ensure(Path dir, Path caDir, Clock clock) throws IOException {
        boolean created = PrivateFiles.createIfAbsent(dir.resolve(SECRET), newSecret() + "\n");
        if (nodeUsable(dir, clock)) {
            return (created ? "created a cluster secret; " : "") + "cluster credentials in " + dir + " are valid until "
                + ClusterCa.certificate(Files.readString(dir.resolve(NODE_CERT))).getNotAfter().toInstant();
        }
        ClusterCa ca = usableCa(caDir, clock);
        String made = "renewed the node certificate";
        if (ca == null) {
            ca = ClusterCa.create(clock);
            writeCa(ca, caDir);
            made = "created a cluster CA and a node certificate";
        }
        writeNode(ca, dir, clock);
        return made + " in " + dir;
    }

    /** Replaces the CA, the node certificate and the secret. */
    public static String rotate(Path dir, Path caDir, Clock clock) throws IOException {
        ClusterCa ca = ClusterCa.create(clock);
        writeCa(ca, caDir);
        writeNode(ca, dir, clock);
        PrivateFiles.replace(dir.resolve(SECRET), newSecret() + "\n");
        return "rotated the cluster CA, node certificate and secret in " + dir
            + "; restart every service (./huddle down, ./huddle up) so they all use the new ones";
    }

    /** One line describing the credentials in {@code dir}. */
    public static String show(Path dir, Clock clock) {
        ClusterCredentials credentials = load(dir, clock);
        try {
            X509Certificate ca = ClusterCa.certificate(Files.readString(credentials.caCertificate()));
            return "cluster CA " + ca.getSubjectX500Principal().getName() + " (SHA-256 " + fingerprint(ca)
                + "), node certificate valid until " + credentials.expiresAt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        if (args.length < 3 || args.length % 2 == 0) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path dir = null;
        Path caDir = null;
        String owner = null;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--ca-dir" -> caDir = Path.of(args[i + 1]);
                case "--owner" -> owner = args[i + 1];
                default -> {
                    System.err.println(USAGE);
                    System.exit(2);
                }
            }
        }
        if (dir == null) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path ca = caDir != null ? caDir : dir.resolve("ca");
        Clock clock = Clock.systemUTC();
        try {
            String result = switch (args[0]) {
                case "ensure" -> ensure(dir, ca, clock);
                case "rotate" -> rotate(dir, ca, clock);
                case "show" -> show(dir, clock);
                default -> {
                    System.err.println(USAGE);
                    System.exit(2);
                    yield "";
                }
            };
            if (owner != null) {
                chown(owner, dir, ca);
            }
            System.out.println(result);
        } catch (IOException | RuntimeException e) {
            System.err.println("cluster credentials: " + e.getMessage());
            System.exit(1);
        }
    }

    private static boolean nodeUsable(Path dir, Clock clock) {
        try {
            ClusterCredentials loaded = load(dir, clock);
            return loaded.expiresAt().isAfter(clock.instant().plus(RENEW_BEFORE));
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static ClusterCa usableCa(Path caDir, Clock clock) throws IOException {
        if (!Files.isRegularFile(caDir.resolve(CA_CERT)) || !Files.isRegularFile(caDir.resolve(CA_KEY))) {
            return null;
        }
        ClusterCa ca = ClusterCa.fromPem(Files.readString(caDir.resolve(CA_CERT)), PrivateFiles.read(caDir.resolve(CA_KEY)));
        boolean lastsLongEnough = ca.certificate().getNotAfter().toInstant().isAfter(clock.instant().plus(RENEW_BEFORE));
        return lastsLongEnough ? ca : null;
    }

    private static void writeCa(ClusterCa ca, Path caDir) throws IOException {
        PrivateFiles.replace(caDir.resolve(CA_KEY), ClusterCa.pem(ca.key()));
        PrivateFiles.replace(caDir.resolve(CA_CERT), ClusterCa.pem(ca.certificate()));
    }

    private static void writeNode(ClusterCa ca, Path dir, Clock clock) throws IOException {
        ClusterCa.Issued node = ca.issueNode(clock);
        // the key before the certificate: a reader that finds a new certificate also finds its key
        PrivateFiles.replace(dir.resolve(NODE_KEY), ClusterCa.pem(node.key()));
        PrivateFiles.replace(dir.resolve(NODE_CERT), ClusterCa.pem(node.certificate()));
        PrivateFiles.replace(dir.resolve(CA_CERT), ClusterCa.pem(ca.certificate()));
    }

    private static String newSecret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":").formatHex(
                MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())).substring(0, 23);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hands the files to the services' user (compose's init service runs as root, the services do not). */
    private static void chown(String owner, Path... dirs) throws IOException {
        String[] ids = owner.split(":", 2);
        int uid = Integer.parseInt(ids[0]);
        int gid = Integer.parseInt(ids.length > 1 ? ids[1] : ids[0]);
        for (Path root : dirs) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(root, 1)) {
                for (Path path : paths.toList()) {
                    Files.setAttribute(path, "unix:uid", uid);
                    Files.setAttribute(path, "unix:gid", gid);
                    if (Files.isDirectory(path) && Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
                        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
                    }
                }
            }
        }
    }
}
