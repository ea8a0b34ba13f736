-- A user's TOTP second factor (RFC 6238). The secret is sealed with AES-GCM under a key kept in a
-- file beside the database (SecretBox), so this table alone does not give the factor away. A row
-- with enabled = 0 is an enrolment not yet confirmed with a code. last_step is the newest 30-second
-- step a code was accepted for: that code, and every older one, is refused from then on.
CREATE TABLE totp (
    user_id    INTEGER PRIMARY KEY,
    secret     TEXT    NOT NULL,
    enabled    INTEGER NOT NULL DEFAULT 0,
    last_step  INTEGER NOT NULL DEFAULT -1,
    created_at TEXT    NOT NULL
);

-- Single-use recovery codes for when the authenticator is lost: SHA-256 of the code (they are
-- random, 50 bits each, so a fast hash is enough). A used code's row goes.
CREATE TABLE recovery_codes (
    user_id   INTEGER NOT NULL,
    code_hash TEXT    NOT NULL,
    PRIMARY KEY (user_id, code_hash)
);
