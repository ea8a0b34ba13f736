package dev.huddle.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What every Huddle service reads beside its own settings: how it joins the cluster, where its
 * SQLite file and action log live, how its HTTP port is bound and whether TLS is on.
 *
 * @param serviceName      the service's name (not configurable: it names the log and the database)
 * @param clusterName      Hazelcast cluster name; only nodes with the same name join each other
 * @param clusterBind      address Hazelcast and the event bus bind to
 * @param clusterPublicHost address other nodes reach this one at (the bind address unless it is a wildcard)
 * @param clusterPort      first Hazelcast port tried (Hazelcast moves up when it is taken)
 * @param clusterMembers   TCP-IP join list, {@code host} or {@code host:port}, one by one (no ranges)
 * @param busPort          event-bus TCP port, 0 for any free one
 * @param httpHost         address the HTTP server binds to
 * @param httpPort         the service's HTTP port
 * @param dataDir          directory of the service's SQLite file and keys
 * @param logDir           root of the service's action log
 * @param tlsCert          PEM certificate chain; TLS is on when this and {@link #tlsKey} are set
 * @param tlsKey           PEM private key
 * @param shutdownGrace    how long in-flight work may take after SIGTERM before the node leaves
 * @param clusterCredentials directory of the cluster CA certificate, node certificate and key, and
 *                         cluster secret ({@link dev.huddle.server.trust.ClusterCredentials})
 * @param tokenClockSkew   tolerated difference between auth-service's clock and this node's
 * @param tokenSyncLease   how long this node trusts its copy of the revocations and signing keys
 *                         without hearing from auth-service; past it, it asks before accepting a token
 * @param tokenKeyRefreshCooldown least time between two early syncs caused by tokens naming a key
 *                         this node does not hold (a flood of made-up key ids costs one sync per period)
 * @param metricsToken     bearer token a {@code /metrics} request must carry; empty: loopback callers only
 */
public record NodeConfig(
    String serviceName,
    String clusterName,
    String clusterBind,
    String clusterPublicHost,
    int clusterPort,
    List<String> clusterMembers,
    int busPort,
    String httpHost,
    int httpPort,
    Path dataDir,
    Path logDir,
    Path tlsCert,
    Path tlsKey,
    Duration shutdownGrace,
    Path clusterCredentials,
    Duration tokenClockSkew,
    Duration tokenSyncLease,
    Duration tokenKeyRefreshCooldown,
    String metricsToken) {

    public static final Setting<String> CLUSTER_NAME = Setting.text("HUDDLE_CLUSTER_NAME", "huddle",
        "Hazelcast cluster name; only nodes with the same name form a cluster.");
    public static final Setting<String> CLUSTER_BIND = Setting.host("HUDDLE_CLUSTER_BIND", "127.0.0.1",
        "Address the cluster (Hazelcast and event bus) binds to; 0.0.0.0 in containers.");
    public static final Setting<String> CLUSTER_PUBLIC_HOST = Setting.text("HUDDLE_CLUSTER_PUBLIC_HOST", "",
        "Address other nodes reach this one at; empty means the bind address, or this host's address when binding 0.0.0.0.");
    public static final Setting<Integer> CLUSTER_PORT = Setting.port("HUDDLE_CLUSTER_PORT", 5701,
        "First Hazelcast port tried; the next free one up to +20 is used when taken.");
    public static final Setting<List<String>> CLUSTER_MEMBERS = Setting.list("HUDDLE_CLUSTER_MEMBERS",
        "127.0.0.1:5701,127.0.0.1:5702,127.0.0.1:5703,127.0.0.1:5704,127.0.0.1:5705,127.0.0.1:5706",
        "Comma-separated Hazelcast TCP-IP members (host or host:port), listed one by one.");
    public static final Setting<Integer> BUS_PORT = Setting.portOrAny("HUDDLE_BUS_PORT", 0,
        "Event-bus TCP port; 0 picks a free one.");
    public static final Setting<String> HTTP_HOST = Setting.host("HUDDLE_HTTP_HOST", "0.0.0.0",
        "Address the service's HTTP (and other client-facing) servers bind to.");
    public static final Setting<Path> DATA_DIR = Setting.path("HUDDLE_DATA_DIR", "data",
        "Directory holding the service's SQLite file (and auth-service's signing key).");
    public static final Setting<Path> LOG_DIR = Setting.path("HUDDLE_LOG_DIR", "log",
        "Root of the service's action log: <root>/DD_MM_YYYY/<action>_log_DD_MM_YYYY.log.");
    public static final Setting<Path> TLS_CERT = Setting.optionalPath("HUDDLE_TLS_CERT",
        "PEM certificate chain; with HUDDLE_TLS_KEY turns TLS on for HTTP, WebSocket and TCP ports.");
    public static final Setting<Path> TLS_KEY = Setting.optionalPath("HUDDLE_TLS_KEY",
        "PEM private key for HUDDLE_TLS_CERT.");
    public static final Setting<Duration> SHUTDOWN_GRACE = Setting.duration("HUDDLE_SHUTDOWN_GRACE", "10s",
        "On SIGTERM, how long in-flight requests may take before the node leaves the cluster.");
    public static final Setting<Path> CLUSTER_CREDENTIALS = Setting.path("HUDDLE_CLUSTER_CREDENTIALS", "data/cluster",
        "Directory of the cluster CA certificate, node certificate and key and cluster secret (docs/SECURITY.md).");
    public static final Setting<Duration> TOKEN_CLOCK_SKEW = Setting.duration("HUDDLE_TOKEN_CLOCK_SKEW", "5s",
        "Tolerated clock difference with auth-service on token times (whole seconds, at most 60s).");
    public static final Setting<Duration> TOKEN_SYNC_LEASE = Setting.duration("HUDDLE_TOKEN_SYNC_LEASE", "2s",
        "How long a node trusts its copy of revocations and signing keys before asking auth-service again.");

    public static final Setting<Duration> TOKEN_KEY_REFRESH_COOLDOWN = Setting.duration(
        "HUDDLE_TOKEN_KEY_REFRESH_COOLDOWN", "10s",
        "Least time between two syncs caused by tokens signed by a key this node does not hold; others are refused at once.");

    public static final Setting<String> METRICS_TOKEN = Setting.text("HUDDLE_METRICS_TOKEN", "",
        "Bearer token a /metrics request must carry; empty: /metrics answers callers on this machine's loopback only.");

    private static final Duration MAX_SKEW = Duration.ofSeconds(60);

    /** The common settings; each service adds its own HTTP port setting with its own default. */
    public static final List<Setting<?>> SETTINGS = List.of(CLUSTER_NAME, CLUSTER_BIND, CLUSTER_PUBLIC_HOST,
        CLUSTER_PORT, CLUSTER_MEMBERS, BUS_PORT, HTTP_HOST, DATA_DIR, LOG_DIR, TLS_CERT, TLS_KEY, SHUTDOWN_GRACE,
        CLUSTER_CREDENTIALS, TOKEN_CLOCK_SKEW, TOKEN_SYNC_LEASE, TOKEN_KEY_REFRESH_COOLDOWN,
        METRICS_TOKEN);

    /** The HTTP port setting, shared by name, defaulted per service. */
    public static Setting<Integer> httpPort(int defaultPort) {
        return Setting.port("HUDDLE_HTTP_PORT", defaultPort, "The service's HTTP port (serves /health and /metrics).");
    }

    public static NodeConfig read(String serviceName, int defaultHttpPort, Env env) {
        String bind = CLUSTER_BIND.read(env);
        String publicHost = CLUSTER_PUBLIC_HOST.read(env);
        Path cert = TLS_CERT.read(env);
        Path key = TLS_KEY.read(env);
        if ((cert == null) != (key == null)) {
            throw new ConfigException("HUDDLE_TLS_CERT and HUDDLE_TLS_KEY must be set together");
        }
        List<String> members = CLUSTER_MEMBERS.read(env);
        if (members.isEmpty()) {
            throw new ConfigException("HUDDLE_CLUSTER_MEMBERS: must list at least one member");
        }
        Duration skew = TOKEN_CLOCK_SKEW.read(env);
        if (skew.toNanos() % 1_000_000_000L != 0 || skew.compareTo(MAX_SKEW) > 0) {
            throw new ConfigException("HUDDLE_TOKEN_CLOCK_SKEW: must be whole seconds, at most 60s");
        }
        Duration lease = TOKEN_SYNC_LEASE.read(env);
        if (lease.isZero()) {
            throw new ConfigException("HUDDLE_TOKEN_SYNC_LEASE: must be longer than 0");
        }
        String metricsToken = METRICS_TOKEN.read(env);
        if (!metricsToken.isEmpty() && metricsToken.length() < 16) {
            throw new ConfigException("HUDDLE_METRICS_TOKEN: must be at least 16 characters (or empty)");
        }
        return new NodeConfig(serviceName, CLUSTER_NAME.read(env), bind,
            publicHost.isEmpty() ? bind : publicHost, CLUSTER_PORT.read(env), members, BUS_PORT.read(env),
            HTTP_HOST.read(env), httpPort(defaultHttpPort).read(env), DATA_DIR.read(env), LOG_DIR.read(env),
            cert, key, SHUTDOWN_GRACE.read(env), CLUSTER_CREDENTIALS.read(env), skew, lease,
            TOKEN_KEY_REFRESH_COOLDOWN.read(env), metricsToken);
    }

    /** Keeps the metrics token out of anything that prints the config. */
    @Override
    public String toString() {
        return "NodeConfig[" + serviceName + ", cluster " + clusterName + ", http " + httpHost + ":" + httpPort
            + (tlsEnabled() ? " (TLS)" : "") + "]";
    }

    public boolean tlsEnabled() {
        return tlsCert != null;
    }
}
