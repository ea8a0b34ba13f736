package dev.huddle.server.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import dev.huddle.server.config.NodeConfig;
import dev.huddle.server.trust.ClusterCredentials;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A clustered Vert.x instance of one service: Hazelcast with TCP-IP join (never multicast), the
 * event bus bound to the configured address, and a Prometheus registry of its own.
 *
 * <p>Trust (docs/SECURITY.md): the event bus speaks TLS with mutual authentication, trusting only
 * the cluster CA, so nothing reaches a consumer or leaves for another node unless both ends hold a
 * node certificate. Hazelcast (open source: no member authentication of its own) carries only
 * Vert.x's routing tables; its cluster name ends with the cluster secret, so a process that knows
 * only the configured name cannot join, and Java deserialization is limited to the classes Vert.x's
 * cluster manager and Hazelcast itself need.
 *
 * <p>The same code clusters local processes on 127.0.0.1 and containers in compose: only
 * {@code HUDDLE_CLUSTER_BIND}, {@code HUDDLE_CLUSTER_PUBLIC_HOST} and {@code HUDDLE_CLUSTER_MEMBERS}
 * differ.
 */
public record ClusterNode(Vertx vertx, HazelcastClusterManager clusterManager, PrometheusMeterRegistry metrics) {

    /** Starts the node; the future completes once it has joined the cluster. */
    public static Future<ClusterNode> start(NodeConfig config, ClusterCredentials credentials) {
        HazelcastClusterManager clusterManager = new HazelcastClusterManager(hazelcastConfig(config, credentials));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("service", config.serviceName());
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        String publicHost = publicHost(config);
        VertxOptions options = new VertxOptions()
            .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(false))
            .setEventBusOptions(busOptions(config, credentials).setClusterPublicHost(publicHost));
        return Vertx.builder()
            .with(options)
            .withMetrics(new MicrometerMetricsFactory(registry))
            .withClusterManager(clusterManager)
            .buildClustered()
            .map(vertx -> new ClusterNode(vertx, clusterManager, registry));
    }

    /** True while this node is a live member of the cluster. */
    public boolean isClustered() {
        return clusterManager.isActive();
    }

    public String nodeId() {
        return clusterManager.getNodeId();
    }

    /** Closes Vert.x, which leaves the cluster after undeploying every verticle. */
    public Future<Void> close() {
        return vertx.close();
    }

    /** The event bus: mutual TLS, the cluster CA the only trusted issuer. */
    static EventBusOptions busOptions(NodeConfig config, ClusterCredentials credentials) {
        EventBusOptions options = new EventBusOptions()
            .setHost(config.clusterBind())
            .setPort(config.busPort())
            .setSsl(true)
            .setClientAuth(ClientAuth.REQUIRED)
            .setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(credentials.nodeCertificate().toString())
                .setKeyPath(credentials.nodeKey().toString()))
            .setTrustOptions(new PemTrustOptions().addCertPath(credentials.caCertificate().toString()));
        options.setTrustAll(false);
        return options;
    }

    static Config hazelcastConfig(NodeConfig config, ClusterCredentials credentials) {
        // keeps Vert.x's own map and multimap settings (__vertx.subs and friends)
        Config hz = ConfigUtil.loadConfig();
        hz.setClusterName(credentials.clusterName(config.clusterName()));
        hz.getSerializationConfig().setJavaSerializationFilterConfig(deserializationFilter());
        hz.setProperty("hazelcast.wait.seconds.before.join", "0");
        hz.setProperty("hazelcast.phone.home.enabled", "false");
        hz.setProperty("hazelcast.logging.type", "slf4j");
        // the service decides when to leave (after draining), not Hazelcast's own JVM hook
        hz.setProperty("hazelcast.shutdownhook.enabled", "false");
        NetworkConfig network = hz.getNetworkConfig();
        network.setPort(config.clusterPort()).setPortAutoIncrement(true).setPortCount(20);
        if (!isWildcard(config.clusterBind())) {
            hz.setProperty("hazelcast.local.localAddress", config.clusterBind());
            hz.setProperty("hazelcast.socket.bind.any", "false");
        }
        if (!config.clusterPublicHost().equals(config.clusterBind()) && !isWildcard(config.clusterPublicHost())) {
            network.setPublicAddress(config.clusterPublicHost());
        }
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(config.clusterMembers());
        return hz;
    }

    /**
     * What a member may make this node deserialize with Java serialization: Vert.x's cluster-manager
     * types, Hazelcast's own and java.lang; Hazelcast's built-in list of known gadget classes stays on.
     */
    static JavaSerializationFilterConfig deserializationFilter() {
        JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig().setDefaultsDisabled(false);
        filter.getWhitelist().addPrefixes("io.vertx.spi.cluster.hazelcast.", "com.hazelcast.", "java.lang.");
        return filter;
    }

    private static String publicHost(NodeConfig config) {
        if (!isWildcard(config.clusterPublicHost())) {
            return config.clusterPublicHost();
        }
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }
}
