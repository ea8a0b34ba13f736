package dev.huddle.server.token;

import dev.huddle.contracts.HuddleException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A change of what tokens a node must accept, from auth-service: the answer to a sync request and
 * what auth-service pushes to every node after a logout, a revocation or a key change.
 *
 * <pre>
 * {"from": 12, "revision": 14,
 *  "keys": [{"kid": "3f2a9c0d1e4b5a67", "key": "MCowBQYDK2VwAyEA..."}],     (absent: keys unchanged)
 *  "revoked": [{"tokenId": "5b0c...", "expiresAt": 1730322902000}]}
 * </pre>
 *
 * Revisions number auth-service's changes. A node at revision {@code from} that applies the update
 * is at {@code revision}; {@code from = -1} marks a complete snapshot, which any node may apply.
 * {@code keys}, when present, is the complete set of keys that verify (signing and not yet retired).
 *
 * @param keys    every key that verifies, by key id; {@code null} when unchanged
 * @param revoked tokens revoked in {@code (from, revision]}
 */
public record TrustUpdate(long from, long revision, Map<String, PublicKey> keys, List<Revoked> revoked) {

    /** Marks an update that is a complete snapshot. */
    public static final long SNAPSHOT = -1;

    /** A revoked token id and when the token would have expired anyway. */
    public record Revoked(String tokenId, Instant expiresAt) {
        public Revoked {
            Objects.requireNonNull(tokenId, "tokenId");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    public TrustUpdate {
        keys = keys == null ? null : Map.copyOf(keys);
        revoked = List.copyOf(revoked);
        if (revision < from) {
            throw new IllegalArgumentException("revision before from");
        }
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("from", from).put("revision", revision);
        if (keys != null) {
            JsonArray list = new JsonArray();
            keys.forEach((kid, key) -> list.add(new JsonObject().put("kid", kid).put("key", PublicKeyRing.encode(key))));
            json.put("keys", list);
        }
        JsonArray list = new JsonArray();
        revoked.forEach(r -> list.add(new JsonObject().put("tokenId", r.tokenId()).put("expiresAt", r.expiresAt().toEpochMilli())));
        return json.put("revoked", list);
    }

    /** Reads an update; anything missing, mistyped or not an Ed25519 key is a BAD_REQUEST. */
    public static TrustUpdate fromJson(JsonObject json) {
        try {
            Map<String, PublicKey> keys = null;
            JsonArray keyList = json.getJsonArray("keys");
            if (keyList != null) {
                keys = new LinkedHashMap<>();
                for (int i = 0; i < keyList.size(); i++) {
                    JsonObject entry = keyList.getJsonObject(i);
                    keys.put(Objects.requireNonNull(entry.getString("kid")), PublicKeyRing.decode(entry.getString("key")));
                }
            }
            List<Revoked> revoked = new ArrayList<>();
            JsonArray revokedList = json.getJsonArray("revoked", new JsonArray());
            for (int i = 0; i < revokedList.size(); i++) {
                JsonObject entry = revokedList.getJsonObject(i);
                revoked.add(new Revoked(entry.getString("tokenId"), Instant.ofEpochMilli(entry.getLong("expiresAt"))));
            }
            return new TrustUpdate(json.getLong("from"), json.getLong("revision"), keys, revoked);
        } catch (RuntimeException e) {
            throw HuddleException.badRequest("malformed trust update");
        }
    }
}
