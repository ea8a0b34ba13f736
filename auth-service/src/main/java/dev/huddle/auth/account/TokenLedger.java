package dev.huddle.auth.account;

import dev.huddle.auth.token.IssuedToken;
import dev.huddle.server.db.Database;
import dev.huddle.server.token.RevocationList;
import dev.huddle.server.token.TrustUpdate;
import dev.huddle.server.token.TrustUpdate.Revoked;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tokens auth-service issued and every change to what nodes must accept, numbered (see
 * {@link TrustUpdate}): revocations and key changes. Kept in SQLite, so a restarted auth-service
 * still knows every revocation and nodes resync from where they were. Blocking: call from a worker.
 *
 * <p>Writes are serialised here (one auth-service owns the file), so revisions come out consecutive
 * and each change knows the revision it follows.
 */
public final class TokenLedger {

    private final Database database;
    private final Clock clock;

    public TokenLedger(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Remembers an issued token, so that {@link #revokeAllOf} can find it; forgets long-expired ones. */
    public synchronized void issued(IssuedToken token, long userId) {
        database.inTransaction(c -> {
            try (PreparedStatement purge = c.prepareStatement(SqlQueries.PURGE_ISSUED)) {
                purge.setLong(1, forgetBefore());
                purge.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(SqlQueries.ISSUE_TOKEN)) {
                insert.setString(1, token.tokenId());
                insert.setLong(2, userId);
                insert.setLong(3, token.expiresAt().toEpochMilli());
                return insert.executeUpdate();
            }
        });
    }

    /** Revokes tokens; the change to push (without those that were revoked already). */
    public synchronized TrustUpdate revoke(List<Revoked> tokens) {
        return database.inTransaction(c -> record(c, tokens));
    }

    /** Revokes every live token of a user (after a role change); the change to push. */
    public TrustUpdate revokeAllOf(long userId) {
        return revokeAllOfExcept(userId, "");
    }

    /** Revokes every live token of a user but {@code keptTokenId} (after a password change); the change to push. */
    public synchronized TrustUpdate revokeAllOfExcept(long userId, String keptTokenId) {
        return database.inTransaction(c -> {
            List<Revoked> live = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(SqlQueries.LIVE_TOKENS_OF)) {
                select.setLong(1, userId);
                select.setLong(2, clock.millis());
                select.setString(3, keptTokenId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        live.add(new Revoked(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))));
                    }
                }
            }
            return record(c, live);
        });
    }

    /** Records that the set of signing keys changed; the change to push (the caller adds the keys). */
    public synchronized TrustUpdate keysChanged(Map<String, PublicKey> keys) {
        return database.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(SqlQueries.KEY_CHANGE)) {
                insert.executeUpdate();
            }
            long revision = revision(c);
            return new TrustUpdate(revision - 1, revision, keys, List.of());
        });
    }

    /**
     * What changed after {@code since}: the revocations of tokens not long expired, from {@code since}
     * (or a snapshot of them all when {@code since} is unknown here) to the current revision. The
     * caller adds the keys.
     */
    public TrustUpdate since(long since, Map<String, PublicKey> keys) {
        return database.inTransaction(c -> {
            long revision = revision(c);
            boolean incremental = since >= 0 && since <= revision;
            List<Revoked> revoked = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(SqlQueries.REVOKED_SINCE)) {
                select.setLong(1, incremental ? since : -1);
                select.setLong(2, forgetBefore());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        revoked.add(new Revoked(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))));
                    }
                }
            }
            return new TrustUpdate(incremental ? since : TrustUpdate.SNAPSHOT, revision, keys, revoked);
        });
    }

    /** The current revision (0 before any change). */
    public long revision() {
        return database.withConnection(TokenLedger::revision);
    }

    private TrustUpdate record(Connection c, List<Revoked> candidates) throws SQLException {
        try (PreparedStatement purge = c.prepareStatement(SqlQueries.PURGE_CHANGES)) {
            purge.setLong(1, forgetBefore());
            purge.executeUpdate();
        }
        List<Revoked> recorded = new ArrayList<>();
        try (PreparedStatement insert = c.prepareStatement(SqlQueries.REVOKE)) {
            for (Revoked revoked : candidates) {
                insert.setString(1, revoked.tokenId());
                insert.setLong(2, revoked.expiresAt().toEpochMilli());
                if (insert.executeUpdate() == 1) {
                    recorded.add(revoked);
                }
            }
        }
        long revision = revision(c);
        // this transaction holds the write lock from its first insert: its revisions are consecutive
        return new TrustUpdate(revision - recorded.size(), revision, null, recorded);
    }

    /** Entries are kept as long as a node's revocation list keeps them: past that, the token is refused anyway. */
    private long forgetBefore() {
        return clock.millis() - RevocationList.DEFAULT_RETAIN_AFTER_EXPIRY.toMillis();
    }

    private static long revision(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SqlQueries.REVISION); ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
