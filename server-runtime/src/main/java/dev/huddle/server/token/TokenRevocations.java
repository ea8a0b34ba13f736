package dev.huddle.server.token;

import dev.huddle.server.bus.BusAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revokes a token cluster-wide (auth-service's side of {@link TokenGate}): records it in the cluster
 * map for nodes that join later, then has every current node confirm it refuses the token.
 */
public final class TokenRevocations {

    private static final Logger LOG = LoggerFactory.getLogger(TokenRevocations.class);
    private static final DeliveryOptions CONFIRM = new DeliveryOptions().setSendTimeout(3_000);

    private final Vertx vertx;
    private final ClusterManager cluster;
    private final Clock clock;

    public TokenRevocations(Vertx vertx, ClusterManager cluster, Clock clock) {
        this.vertx = vertx;
        this.cluster = cluster;
        this.clock = clock;
    }

    /** Completes once every node of the cluster refuses {@code tokenId} (or could not be reached). */
    public Future<Void> revoke(String tokenId, Instant expiresAt) {
        long remaining = Math.max(1, Duration.between(clock.instant(), expiresAt).toMillis());
        JsonObject notice = new JsonObject().put("tokenId", tokenId).put("expiresAt", expiresAt.toEpochMilli());
        return vertx.sharedData().<String, Long>getClusterWideMap(BusAddresses.MAP_REVOKED_TOKENS)
            .compose(map -> map.put(tokenId, expiresAt.toEpochMilli(), remaining))
            .compose(v -> confirmEverywhere(notice));
    }

    private Future<Void> confirmEverywhere(JsonObject notice) {
        List<Future<Object>> confirmations = cluster.getNodes().stream()
            .map(node -> vertx.eventBus().request(BusAddresses.revokedAddressOf(node), notice, CONFIRM)
                .map(reply -> (Object) reply)
                .recover(error -> {
                    // a node without a token gate (or on its way out) has nothing to refuse
                    if (!(error instanceof ReplyException r) || r.failureType() != ReplyFailure.NO_HANDLERS) {
                        LOG.warn("node {} did not confirm a revocation: {}", node, error.getMessage());
                    }
                    return Future.succeededFuture();
                }))
            .toList();
        return Future.all(confirmations).mapEmpty();
    }
}
