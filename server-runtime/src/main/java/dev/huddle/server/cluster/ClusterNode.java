package dev.huddle.server.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import dev.huddle.server.config.NodeConfig;
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
 * <p>The same code clusters local processes on 127.0.0.1 and containers in compose: only
 * {@code HUDDLE_CLUSTER_BIND}, {@code HUDDLE_CLUSTER_PUBLIC_HOST} and {@code HUDDLE_CLUSTER_MEMBERS}
 * differ.
 */
public record ClusterNode(Vertx vertx, HazelcastClusterManager clusterManager, PrometheusMeterRegistry metrics) {

    /** Starts the node; the future completes once it has joined the cluster. */
    public static Future<ClusterNode> start(NodeConfig config) {
        HazelcastClusterManager clusterManager = new HazelcastClusterManager(hazelcastConfig(config));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("service", config.serviceName());
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        String publicHost = publicHost(config);
        VertxOptions options = new VertxOptions()
            .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(false))
            .setEventBusOptions(new EventBusOptions()
                .setHost(config.clusterBind())
                .setPort(config.busPort())
                .setClusterPublicHost(publicHost));
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

    static Config hazelcastConfig(NodeConfig config) {
        // keeps Vert.x's own map and multimap settings (__vertx.subs and friends)
        Config hz = ConfigUtil.loadConfig();
        hz.setClusterName(config.clusterName());
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
