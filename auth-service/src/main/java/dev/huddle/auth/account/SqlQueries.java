package dev.huddle.auth.account;

/** Every SQL statement of auth-service, in one place. */
final class SqlQueries {

    private SqlQueries() {
    }

    static final String COLUMNS = "id, username, email, password_hash, role, created_at";

    static final String INSERT = """
        INSERT INTO users (username, email, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)""";
    static final String BY_ID = "SELECT " + COLUMNS + " FROM users WHERE id = ?";
    static final String BY_USERNAME = "SELECT " + COLUMNS + " FROM users WHERE username = ? COLLATE NOCASE";
    static final String EMAIL_EXISTS = "SELECT 1 FROM users WHERE email = ? COLLATE NOCASE";
    static final String ALL = "SELECT " + COLUMNS + " FROM users ORDER BY id";
    static final String COUNT_ADMINS = "SELECT COUNT(*) FROM users WHERE role = 'admin'";
    static final String SET_ROLE = "UPDATE users SET role = ? WHERE id = ?";
    static final String SET_PASSWORD_HASH = "UPDATE users SET password_hash = ? WHERE id = ?";

    static final String ISSUE_TOKEN = "INSERT INTO issued_tokens (token_id, user_id, expires_at) VALUES (?, ?, ?)";
    static final String LIVE_TOKENS_OF = """
        SELECT i.token_id, i.expires_at FROM issued_tokens i
        WHERE i.user_id = ? AND i.expires_at > ? AND i.token_id <> ?
          AND NOT EXISTS (SELECT 1 FROM trust_changes c WHERE c.token_id = i.token_id)""";
    static final String REVOKE = "INSERT OR IGNORE INTO trust_changes (token_id, expires_at) VALUES (?, ?)";
    static final String KEY_CHANGE = "INSERT INTO trust_changes (token_id, expires_at) VALUES (NULL, NULL)";
    static final String REVISION = "SELECT seq FROM sqlite_sequence WHERE name = 'trust_changes'";
    static final String REVOKED_SINCE = """
        SELECT token_id, expires_at FROM trust_changes
        WHERE revision > ? AND token_id IS NOT NULL AND expires_at > ? ORDER BY revision""";
    static final String PURGE_ISSUED = "DELETE FROM issued_tokens WHERE expires_at < ?";
    static final String PURGE_CHANGES = "DELETE FROM trust_changes WHERE expires_at < ? OR "
        + "(token_id IS NULL AND revision < (SELECT MAX(revision) FROM trust_changes))";

    static final String TOTP_BY_USER = "SELECT secret, enabled, last_step FROM totp WHERE user_id = ?";
    static final String TOTP_SAVE_PENDING = """
        INSERT INTO totp (user_id, secret, enabled, last_step, created_at) VALUES (?, ?, 0, -1, ?)
        ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at
        WHERE totp.enabled = 0""";
    static final String TOTP_ENABLE = "UPDATE totp SET enabled = 1, last_step = ? WHERE user_id = ? AND enabled = 0";
    static final String TOTP_USE_STEP = "UPDATE totp SET last_step = ? WHERE user_id = ? AND enabled = 1 AND last_step < ?";
    static final String TOTP_DELETE = "DELETE FROM totp WHERE user_id = ?";
    static final String RECOVERY_INSERT = "INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)";
    static final String RECOVERY_USE = "DELETE FROM recovery_codes WHERE user_id = ? AND code_hash = ?";
    static final String RECOVERY_DELETE_ALL = "DELETE FROM recovery_codes WHERE user_id = ?";
}
