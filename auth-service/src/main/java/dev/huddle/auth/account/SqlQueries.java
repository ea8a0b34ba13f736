package dev.huddle.auth.account;

/** Every SQL statement of auth-service, in one place. */
final class SqlQueries {

    private SqlQueries() {
    }

    static final String COLUMNS = "id, username, email, password_hash, role, created_at";

    static final String INSERT = """
        INSERT INTO users (username, email, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)""";
    static final String COUNT = "SELECT COUNT(*) FROM users";
    static final String BY_ID = "SELECT " + COLUMNS + " FROM users WHERE id = ?";
    static final String BY_USERNAME = "SELECT " + COLUMNS + " FROM users WHERE username = ? COLLATE NOCASE";
    static final String EMAIL_EXISTS = "SELECT 1 FROM users WHERE email = ? COLLATE NOCASE";
    static final String ALL = "SELECT " + COLUMNS + " FROM users ORDER BY id";
    static final String COUNT_ADMINS = "SELECT COUNT(*) FROM users WHERE role = 'admin'";
    static final String SET_ROLE = "UPDATE users SET role = ? WHERE id = ?";
    static final String SET_PASSWORD_HASH = "UPDATE users SET password_hash = ? WHERE id = ?";
}
