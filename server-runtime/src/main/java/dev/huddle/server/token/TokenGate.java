package dev.huddle.server.token;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.server.bus.BusAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's token checkpoint: verifies tokens locally (no round trip to auth-service) against the
 * public keys auth-service shares in the cluster map {@link BusAddresses#MAP_TOKEN_KEYS}, and keeps
 * this node's {@link RevocationList} exact.
 *
 * <p>Revocation is pushed, not polled: auth-service asks every node on its own address
 * {@code huddle.auth.revoked.<nodeId>} and answers the logout only when all have confirmed, so a
 * revoked token is refused everywhere as soon as logout returns. A node that joins later reads the
 * cluster map {@link BusAddresses#MAP_REVOKED_TOKENS}; it subscribes before reading so nothing
 * revoked in between is missed.
 */
public final class TokenGate {

    private static final Logger LOG = LoggerFactory.getLogger(TokenGate.class);
    /** Tolerated difference between the auth-service clock and this node's. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final PublicKeyRing keys;
    private final RevocationList revoked;
    private final TokenVerifier verifier;
    private final List<Consumer<String>> revocationListeners = new CopyOnWriteArrayList<>();

    private TokenGate(Vertx vertx, Clock clock) {
        this.vertx = vertx;
        this.keys = new PublicKeyRing();
        this.revoked = new RevocationList(clock);
        this.verifier = new TokenVerifier(keys, revoked, clock, CLOCK_SKEW, TokenVerifier.DEFAULT_CACHE_CAPACITY,
            new BouncyCastleProvider());
    }

    /** Subscribes this node to revocations, then loads what was revoked and the keys known so far. */
    public static Future<TokenGate> start(Vertx vertx, String nodeId, Clock clock) {
        TokenGate gate = new TokenGate(vertx, clock);
        return vertx.eventBus()
            .<JsonObject>consumer(BusAddresses.revokedAddressOf(nodeId), gate::onRevoked)
            .completion()
            .compose(v -> gate.loadRevoked())
            .compose(v -> gate.refreshKeys())
            .map(gate);
    }

    /**
     * The caller behind {@code token}, or a failed future with INVALID_TOKEN. Runs on the caller's
     * thread: a cached token costs a map lookup, a new one an Ed25519 verification.
     */
    public Future<Principal> verify(String token) {
        try {
            return Future.succeededFuture(verifier.verify(token));
        } catch (InvalidTokenException e) {
            if (e.reason() != InvalidTokenException.Reason.UNKNOWN_KEY) {
                return Future.failedFuture(refusal(e));
            }
        }
        // signed by a key this node has not seen yet (auth-service restarted or just came up)
        return refreshKeys().compose(v -> {
            try {
                return Future.succeededFuture(verifier.verify(token));
            } catch (InvalidTokenException e) {
                return Future.failedFuture(refusal(e));
            }
        });
    }

    /** Marks a token revoked on this node; the revocation consumer and auth-service use it. */
    public void revokeLocally(String tokenId, Instant expiresAt) {
        revoked.revoke(tokenId, expiresAt);
        revocationListeners.forEach(listener -> listener.accept(tokenId));
    }

    /**
     * Calls {@code listener} with the id of each token revoked on this node from now on, before the
     * revocation is confirmed to auth-service (the media relay ends that token's calls this way).
     */
    public void onRevocation(Consumer<String> listener) {
        revocationListeners.add(listener);
    }

    /** Adds a key this node trusts; auth-service registers its own signing key this way. */
    public void trust(String keyId, PublicKey key) {
        keys.add(keyId, key);
    }

    private void onRevoked(Message<JsonObject> message) {
        JsonObject body = message.body();
        String tokenId = body == null ? null : body.getString("tokenId");
        Long expiresAt = body == null ? null : body.getLong("expiresAt");
        if (tokenId == null || expiresAt == null) {
            message.fail(ErrorCode.BAD_REQUEST.httpStatus(), "BAD_REQUEST tokenId and expiresAt required");
            return;
        }
        revokeLocally(tokenId, Instant.ofEpochMilli(expiresAt));
        message.reply(new JsonObject());
    }

    private Future<Void> loadRevoked() {
        return vertx.sharedData().<String, Long>getClusterWideMap(BusAddresses.MAP_REVOKED_TOKENS)
            .compose(AsyncMap::entries)
            .map(entries -> {
                entries.forEach((id, expiry) -> revoked.revoke(id, Instant.ofEpochMilli(expiry)));
                return null;
            });
    }

    private Future<Void> refreshKeys() {
        return vertx.sharedData().<String, String>getClusterWideMap(BusAddresses.MAP_TOKEN_KEYS)
            .compose(AsyncMap::entries)
            .map(entries -> {
                for (Map.Entry<String, String> entry : entries.entrySet()) {
                    try {
                        keys.add(entry.getKey(), PublicKeyRing.decode(entry.getValue()));
                    } catch (IllegalArgumentException e) {
                        LOG.warn("ignoring unreadable public key {} in the cluster map", entry.getKey());
                    }
                }
                return null;
            });
    }

    private static HuddleException refusal(InvalidTokenException e) {
        return new HuddleException(ErrorCode.INVALID_TOKEN, e.getMessage());
    }
}
