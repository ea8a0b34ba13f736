-- Every token issued, so that a role change can revoke all live tokens of its user. Rows go once
-- their token has expired.
CREATE TABLE issued_tokens (
    token_id   TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL,
    expires_at INTEGER NOT NULL  -- epoch milliseconds
);
CREATE INDEX issued_tokens_by_user ON issued_tokens (user_id, expires_at);

-- Every change to what nodes must accept, numbered by revision: a revoked token (token_id set), or
-- a change of signing keys (token_id NULL; the keys themselves are files). Nodes sync "what changed
-- since revision N". AUTOINCREMENT: a revision is never reused, even after old rows are purged.
CREATE TABLE trust_changes (
    revision   INTEGER PRIMARY KEY AUTOINCREMENT,
    token_id   TEXT    UNIQUE,
    expires_at INTEGER           -- epoch milliseconds; rows go once this is long past
);
