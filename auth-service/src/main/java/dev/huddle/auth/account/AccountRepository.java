package dev.huddle.auth.account;

import dev.huddle.contracts.Role;
import dev.huddle.server.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/** The {@code users} table. Blocking: call from a worker thread. */
public final class AccountRepository {

    private final Database database;

    public AccountRepository(Database database) {
        this.database = database;
    }

    /** Outcome of an insert that may collide with an existing username or email. */
    public sealed interface Insert {
        record Created(Account account) implements Insert {
        }

        record UsernameTaken() implements Insert {
        }

        record EmailTaken() implements Insert {
        }
    }

    /**
     * Inserts an account in one write transaction; the role is decided inside it (by {@code roleFor},
     * given the current number of admins, which may throw to refuse) so that of concurrent sign-ups
     * with the one-time setup code at most one becomes admin.
     */
    public Insert insert(String username, String email, String passwordHash, IntFunction<Role> roleFor, Instant now) {
        return database.inTransaction(c -> {
            if (findByUsername(c, username).isPresent()) {
                return new Insert.UsernameTaken();
            }
            if (email != null && exists(c, SqlQueries.EMAIL_EXISTS, email)) {
                return new Insert.EmailTaken();
            }
            Role role = roleFor.apply(count(c, SqlQueries.COUNT_ADMINS));
            try (PreparedStatement insert = c.prepareStatement(SqlQueries.INSERT, PreparedStatement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, username);
                insert.setString(2, email);
                insert.setString(3, passwordHash);
                insert.setString(4, role.wireName());
                insert.setString(5, now.toString());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return new Insert.Created(new Account(keys.getLong(1), username, email, passwordHash, role, now));
                }
            }
        });
    }

    public Optional<Account> findById(long id) {
        return database.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(SqlQueries.BY_ID)) {
                s.setLong(1, id);
                return first(s);
            }
        });
    }

    /** Case-insensitive. */
    public Optional<Account> findByUsername(String username) {
        return database.withConnection(c -> findByUsername(c, username));
    }

    public List<Account> findAll() {
        return database.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(SqlQueries.ALL); ResultSet rs = s.executeQuery()) {
                List<Account> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(map(rs));
                }
                return all;
            }
        });
    }

    /** Outcome of a role change. */
    public sealed interface RoleChange {
        record Changed(Account account) implements RoleChange {
        }

        record NoSuchAccount() implements RoleChange {
        }

        record WouldLeaveNoAdmin() implements RoleChange {
        }
    }

    /** Changes a role in one transaction, refusing to demote the last admin. */
    public RoleChange setRole(long id, Role role) {
        return database.inTransaction(c -> {
            Optional<Account> current;
            try (PreparedStatement s = c.prepareStatement(SqlQueries.BY_ID)) {
                s.setLong(1, id);
                current = first(s);
            }
            if (current.isEmpty()) {
                return new RoleChange.NoSuchAccount();
            }
            Account a = current.get();
            if (a.role() == Role.ADMIN && role != Role.ADMIN && count(c, SqlQueries.COUNT_ADMINS) <= 1) {
                return new RoleChange.WouldLeaveNoAdmin();
            }
            try (PreparedStatement s = c.prepareStatement(SqlQueries.SET_ROLE)) {
                s.setString(1, role.wireName());
                s.setLong(2, id);
                s.executeUpdate();
            }
            return new RoleChange.Changed(new Account(a.id(), a.username(), a.email(), a.passwordHash(), role,
                a.createdAt()));
        });
    }

    public boolean hasAdmin() {
        return database.withConnection(c -> count(c, SqlQueries.COUNT_ADMINS) > 0);
    }

    public void updatePasswordHash(long id, String passwordHash) {
        database.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(SqlQueries.SET_PASSWORD_HASH)) {
                s.setString(1, passwordHash);
                s.setLong(2, id);
                return s.executeUpdate();
            }
        });
    }

    private static Optional<Account> findByUsername(Connection c, String username) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SqlQueries.BY_USERNAME)) {
            s.setString(1, username);
            return first(s);
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Optional<Account> first(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
    }

    private static Account map(ResultSet rs) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("email"),
            rs.getString("password_hash"), Role.fromWire(rs.getString("role")),
            Instant.parse(rs.getString("created_at")));
    }
}
