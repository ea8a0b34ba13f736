package dev.huddle.auth.token;

import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.token.TokenGate;
import dev.huddle.server.token.TrustUpdate;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.spi.cluster.ClusterManager;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets a change (revocations, keys) to every node of the cluster: applied to this node's own gate,
 * then pushed to each other node's {@code huddle.auth.trust-update.<nodeId>} over the mutually
 * authenticated bus.
 *
 * <p>Completes once every node has confirmed, or after the sync lease: a node that has not confirmed
 * by then (partitioned, paused, gone) has, by its own lease, stopped trusting what it held before
 * the change and syncs before accepting another token ({@link TokenGate}). So when this completes,
 * no node accepts what the change revoked.
 */
public final class TrustBroadcast {

    private static final Logger LOG = LoggerFactory.getLogger(TrustBroadcast.class);

    private final Vertx vertx;
    private final ClusterManager cluster;
    private final TokenGate gate;
    private final DeliveryOptions delivery;

    public TrustBroadcast(Vertx vertx, ClusterManager cluster, TokenGate gate, Duration lease) {
        this.vertx = vertx;
        this.cluster = cluster;
        this.gate = gate;
        this.delivery = new DeliveryOptions().setSendTimeout(Math.max(1, lease.toMillis()));
    }

    /** Call right after the change is committed: the lease is counted from here. */
    public Future<Void> publish(TrustUpdate update) {
        if (update.revoked().isEmpty() && update.keys() == null) {
            return Future.succeededFuture();
        }
        gate.apply(update);
        String self = cluster.getNodeId();
        List<Future<Object>> confirmations = cluster.getNodes().stream()
            .filter(node -> !node.equals(self))
            .map(node -> vertx.eventBus().request(BusAddresses.trustUpdateAddressOf(node), update.toJson(), delivery)
                .map(reply -> (Object) reply)
                .recover(error -> {
                    if (!(error instanceof ReplyException r) || r.failureType() != ReplyFailure.NO_HANDLERS) {
                        LOG.warn("node {} did not confirm trust revision {} ({}); its lease makes it resync before "
                            + "it accepts another token", node, update.revision(), error.getMessage());
                    }
                    return Future.succeededFuture();
                }))
            .toList();
        return Future.all(confirmations).mapEmpty();
    }
}
