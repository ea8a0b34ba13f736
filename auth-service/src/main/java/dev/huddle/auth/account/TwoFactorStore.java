package dev.huddle.auth.account;

import dev.huddle.server.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code totp} and {@code recovery_codes} tables. Blocking: call from a worker thread. */
public final class TwoFactorStore {

    /** A user's factor: the sealed secret, whether it is confirmed, the newest step used. */
    public record Factor(String sealedSecret, boolean enabled, long lastStep) {
    }

    private final Database database;

    public TwoFactorStore(Database database) {
        this.database = database;
    }

    public Optional<Factor> find(long userId) {
        return database.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(SqlQueries.TOTP_BY_USER)) {
                s.setLong(1, userId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next()
                        ? Optional.of(new Factor(rs.getString(1), rs.getInt(2) == 1, rs.getLong(3)))
                        : Optional.empty();
                }
            }
        });
    }

    /** Keeps a new, unconfirmed secret; false (nothing changed) when the user's factor is already on. */
    public boolean savePending(long userId, String sealedSecret, Instant now) {
        return update(SqlQueries.TOTP_SAVE_PENDING, userId, sealedSecret, now.toString()) == 1;
    }

    /** Turns a pending factor on, with {@code step} used and fresh recovery codes; false if none was pending. */
    public boolean enable(long userId, long step, List<String> recoveryCodeHashes) {
        return database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(SqlQueries.TOTP_ENABLE)) {
                s.setLong(1, step);
                s.setLong(2, userId);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement delete = c.prepareStatement(SqlQueries.RECOVERY_DELETE_ALL);
                 PreparedStatement insert = c.prepareStatement(SqlQueries.RECOVERY_INSERT)) {
                delete.setLong(1, userId);
                delete.executeUpdate();
                for (String hash : recoveryCodeHashes) {
                    insert.setLong(1, userId);
                    insert.setString(2, hash);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return true;
        });
    }

    /**
     * Marks {@code step} used, atomically: true only if it is newer than every step used before, so
     * of two logins racing with one code exactly one succeeds.
     */
    public boolean useStep(long userId, long step) {
        return update(SqlQueries.TOTP_USE_STEP, step, userId, step) == 1;
    }

    /** Uses up a recovery code; true only the first time. */
    public boolean useRecoveryCode(long userId, String codeHash) {
        return update(SqlQueries.RECOVERY_USE, userId, codeHash) == 1;
    }

    /** Removes the factor and its recovery codes. */
    public void delete(long userId) {
        database.inTransaction(c -> {
            for (String sql : new String[] {SqlQueries.TOTP_DELETE, SqlQueries.RECOVERY_DELETE_ALL}) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setLong(1, userId);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    private int update(String sql, Object... values) {
        return database.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    s.setObject(i + 1, values[i]);
                }
                return s.executeUpdate();
            }
        });
    }
}
