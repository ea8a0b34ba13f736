package dev.huddle.server.token;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.LifecycleEvent;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.bus.BusErrors;
import dev.huddle.server.cluster.ClusterNode;
import dev.huddle.server.config.NodeConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's token checkpoint: verifies tokens locally (no round trip per token) against the signing
 * keys and revocations it holds from auth-service, and keeps those exact.
 *
 * <p>Nothing here is read from Hazelcast: every update arrives over the event bus, which only
 * holders of a cluster node certificate can use (docs/SECURITY.md).
 * <ul>
 *   <li><b>Push.</b> auth-service sends each change to every node's own address
 *       ({@code huddle.auth.trust-update.<nodeId>}) and answers a logout once every node has
 *       confirmed, or once the sync lease has run out (see below).</li>
 *   <li><b>Sync.</b> A node asks {@code huddle.auth.trust.sync} for what changed since its revision:
 *       on start, when a push shows it missed one, after a cluster membership change (a partition
 *       that healed, a node that rejoined), and whenever its lease has run out.</li>
 *   <li><b>Lease.</b> A node trusts what it holds for {@code HUDDLE_TOKEN_SYNC_LEASE} after the
 *       moment it <em>asked</em> for its last sync; past that it syncs before accepting any token, and
 *       refuses tokens (UNAVAILABLE) while auth-service cannot be reached. A node that misses a push
 *       (partitioned, paused, overloaded) therefore stops trusting its stale copy at most one lease
 *       after the change was made, which is exactly how long auth-service waits for confirmations
 *       that do not come.</li>
 *   <li><b>Unknown key.</b> A token signed by a key this node does not hold (a rotation whose push
 *       has not arrived yet) makes the node sync once and try again; such early syncs are at most one
 *       per {@code HUDDLE_TOKEN_KEY_REFRESH_COOLDOWN} and share the sync in flight, so a flood of
 *       tokens with made-up key ids costs one request per period and never flushes the verified-token
 *       cache (a refresh keeps unchanged keys as they are).</li>
 * </ul>
 */
public final class TokenGate {

    private static final Logger LOG = LoggerFactory.getLogger(TokenGate.class);

    private final Vertx vertx;
    private final Clock clock;
    private final Duration lease;
    private final Duration keyRefreshCooldown;
    private final PublicKeyRing keys = new PublicKeyRing();
    private final RevocationList revoked;
    private final TokenVerifier verifier;
    private final DeliveryOptions syncOptions;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> revocationListeners = new CopyOnWriteArrayList<>();

    // guarded by this
    private long revision = TrustUpdate.SNAPSHOT;
    private long keysRevision = TrustUpdate.SNAPSHOT;
    private long trustedUntilMillis = Long.MIN_VALUE;
    private boolean stale = true;
    private Future<Void> syncing;
    private long keyRefreshNotBeforeMillis = Long.MIN_VALUE;

    TokenGate(Vertx vertx, Clock clock, Duration skew, Duration lease, Duration keyRefreshCooldown) {
        this.vertx = vertx;
        this.clock = clock;
        this.lease = lease;
        this.keyRefreshCooldown = keyRefreshCooldown;
        this.revoked = new RevocationList(clock);
        this.verifier = new TokenVerifier(keys, revoked, clock, skew, TokenVerifier.DEFAULT_CACHE_CAPACITY,
            new BouncyCastleProvider());
        this.syncOptions = new DeliveryOptions().setSendTimeout(Math.max(1_000, lease.toMillis()));
    }

    /**
     * Registers this node's update address and membership watch, and starts a first sync without
     * waiting for it (auth-service may not be up yet; the first token verified waits for it).
     */
    public static Future<TokenGate> start(ClusterNode node, NodeConfig config, Clock clock) {
        return start(node.vertx(), node.nodeId(), clock, config.tokenClockSkew(), config.tokenSyncLease(),
            config.tokenKeyRefreshCooldown())
            .onSuccess(gate -> gate.watchMembership(node));
    }

    static Future<TokenGate> start(Vertx vertx, String nodeId, Clock clock, Duration skew, Duration lease,
                                   Duration keyRefreshCooldown) {
        TokenGate gate = new TokenGate(vertx, clock, skew, lease, keyRefreshCooldown);
        return vertx.eventBus()
            .<JsonObject>consumer(BusAddresses.trustUpdateAddressOf(nodeId), gate::onUpdate)
            .completion()
            .map(v -> {
                gate.sync().onFailure(e -> LOG.debug("first token sync deferred: {}", e.getMessage()));
                return gate;
            });
    }

    /** A member that joined or left, or a healed split: revocations may have been missed meanwhile. */
    private void watchMembership(ClusterNode node) {
        TokenGate gate = this;
        var hazelcast = node.clusterManager().getHazelcastInstance();
        hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                gate.markStale("a member joined");
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                gate.markStale("a member left");
            }
        });
        hazelcast.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
                gate.markStale("the cluster merged after a split");
            }
        });
    }

    /**
     * The caller behind {@code token}, or a failed future: INVALID_TOKEN when refused, UNAVAILABLE
     * when this node's copy is out of its lease and auth-service cannot be reached. Usually
     * completes on the caller's thread: a cached token costs a map lookup, a new one an Ed25519
     * verification.
     */
    public Future<Principal> verify(String token) {
        return current().compose(v -> verifyHeld(token, true));
    }

    private Future<Principal> verifyHeld(String token, boolean mayRefresh) {
        try {
            return Future.succeededFuture(verifier.verify(token));
        } catch (InvalidTokenException e) {
            if (mayRefresh && e.reason() == InvalidTokenException.Reason.UNKNOWN_KEY && mayRefreshKeys()) {
                return sync().transform(synced -> verifyHeld(token, false));
            }
            return Future.failedFuture(new HuddleException(ErrorCode.INVALID_TOKEN, e.getMessage()));
        }
    }

    /** Whether a token naming an unknown key may cause a sync now (the cool-down has passed). */
    private synchronized boolean mayRefreshKeys() {
        long now = clock.millis();
        if (syncing == null && now < keyRefreshNotBeforeMillis) {
            return false;
        }
        if (syncing == null) {
            keyRefreshNotBeforeMillis = now + keyRefreshCooldown.toMillis();
        }
        return true; // a sync in flight is shared: waiting for it costs auth-service nothing
    }

    /**
     * Checks {@code token} against what this node holds now, without syncing: for re-checking
     * live connections after a change.
     *
     * @throws InvalidTokenException if the token is no longer accepted
     */
    public Principal check(String token) {
        return verifier.verify(token);
    }

    /** Runs {@code listener} after every applied change (revocations, keys), on the thread that applied it. */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /**
     * Calls {@code listener} with the id of each token revoked on this node from now on, as the
     * revocation is applied (the media relay ends that token's calls this way).
     */
    public void onRevocation(Consumer<String> listener) {
        revocationListeners.add(listener);
    }

    /** Tokens the verifier remembers; for tests. */
    int verifierCacheSize() {
        return verifier.cacheSize();
    }

    /** This node's revision of auth-service's changes; {@value TrustUpdate#SNAPSHOT} before its first sync. */
    public synchronized long revision() {
        return revision;
    }

    /** Applies an update (auth-service applies its own changes this way too, before pushing them). */
    public void apply(TrustUpdate update) {
        boolean gap;
        synchronized (this) {
            update.revoked().forEach(r -> revoked.revoke(r.tokenId(), r.expiresAt()));
            if (update.keys() != null && update.revision() >= keysRevision) {
                keys.replaceAll(update.keys());
                keysRevision = update.revision();
            }
            gap = update.from() > revision;
            if (gap) {
                stale = true;
            } else {
                revision = Math.max(revision, update.revision());
            }
        }
        changeListeners.forEach(Runnable::run);
        if (!revocationListeners.isEmpty()) {
            update.revoked().forEach(r -> revocationListeners.forEach(listener -> listener.accept(r.tokenId())));
        }
        if (gap) {
            sync();
        }
    }

    /** Completes once this node may trust what it holds. */
    private Future<Void> current() {
        long now = clock.millis();
        synchronized (this) {
            if (!stale && now < trustedUntilMillis) {
                if (now > trustedUntilMillis - lease.toMillis() / 2) {
                    sync(); // renew ahead of time so verifications rarely wait
                }
                return Future.succeededFuture();
            }
        }
        return sync().recover(e -> {
            LOG.warn("refusing tokens until auth-service answers a sync: {}", BusErrors.toRefusal(e).getMessage());
            return Future.failedFuture(new HuddleException(ErrorCode.UNAVAILABLE,
                "cannot confirm tokens with auth-service right now; try again shortly"));
        });
    }

    /** One sync at a time; callers during a sync share it. */
    private Future<Void> sync() {
        Promise<Void> promise;
        long since;
        synchronized (this) {
            if (syncing != null) {
                return syncing;
            }
            promise = Promise.promise();
            syncing = promise.future();
            since = revision;
        }
        long askedAt = clock.millis();
        vertx.eventBus().<JsonObject>request(BusAddresses.AUTH_TRUST_SYNC, new JsonObject().put("since", since),
                syncOptions)
            .map(reply -> TrustUpdate.fromJson(reply.body()))
            .onComplete(result -> {
                boolean succeeded = result.succeeded();
                if (succeeded) {
                    TrustUpdate update = result.result();
                    synchronized (this) {
                        // a full snapshot, or the changes since what we asked from
                        if (update.from() == TrustUpdate.SNAPSHOT || update.from() <= revision) {
                            stale = false;
                            trustedUntilMillis = askedAt + lease.toMillis();
                        }
                    }
                    apply(update);
                }
                synchronized (this) {
                    syncing = null;
                }
                if (succeeded) {
                    promise.complete();
                } else {
                    promise.fail(result.cause());
                }
            });
        return promise.future();
    }

    private void markStale(String why) {
        LOG.debug("token trust stale: {}", why);
        synchronized (this) {
            stale = true;
        }
    }

    private void onUpdate(Message<JsonObject> message) {
        TrustUpdate update;
        try {
            update = TrustUpdate.fromJson(message.body() == null ? new JsonObject() : message.body());
        } catch (HuddleException e) {
            BusErrors.fail(message, e);
            return;
        }
        apply(update);
        message.reply(new JsonObject().put("revision", revision()));
    }
}
