package dev.huddle.system;

import com.hazelcast.config.Config;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.file.Path;
import java.util.List;

/**
 * An attacker's clustered Vert.x node: it knows a cluster name and the member addresses, and has a
 * certificate authority of its own (it speaks TLS on the bus, just not with a certificate the
 * platform trusts). Built by hand, the way someone would write one, not through Huddle's code.
 */
final class RogueNode implements AutoCloseable {

    final Vertx vertx;
    final HazelcastClusterManager clusterManager;

    private RogueNode(Vertx vertx, HazelcastClusterManager clusterManager) {
        this.vertx = vertx;
        this.clusterManager = clusterManager;
    }

    /**
     * @param clusterName  the Hazelcast cluster name it tries
     * @param members      the members it dials, {@code host:port}
     * @param ownCredentials a directory made by {@code ClusterCredentials.ensure}: its own CA and certificate
     */
    static RogueNode join(String clusterName, List<String> members, Path ownCredentials) {
        Config hz = ConfigUtil.loadConfig();
        hz.setClusterName(clusterName);
        hz.setProperty("hazelcast.wait.seconds.before.join", "0");
        hz.setProperty("hazelcast.phone.home.enabled", "false");
        hz.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        var join = hz.getNetworkConfig().setPort(17_500).setPortAutoIncrement(true).getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members);
        HazelcastClusterManager manager = new HazelcastClusterManager(hz);
        EventBusOptions bus = new EventBusOptions().setHost("127.0.0.1").setPort(0).setClusterPublicHost("127.0.0.1")
            .setSsl(true).setClientAuth(ClientAuth.REQUIRED)
            .setKeyCertOptions(new PemKeyCertOptions().setCertPath(ownCredentials.resolve("node.crt").toString())
                .setKeyPath(ownCredentials.resolve("node.key").toString()))
            .setTrustOptions(new PemTrustOptions().addCertPath(ownCredentials.resolve("ca.crt").toString()));
        Vertx vertx = Vertx.builder().with(new VertxOptions().setEventBusOptions(bus)).withClusterManager(manager)
            .buildClustered().await();
        return new RogueNode(vertx, manager);
    }

    int hazelcastMembers() {
        return clusterManager.getHazelcastInstance().getCluster().getMembers().size();
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
