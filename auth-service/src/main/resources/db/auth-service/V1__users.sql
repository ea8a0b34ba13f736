-- Accounts. Usernames are ASCII ([A-Za-z0-9_.-]), so NOCASE gives exactly the case-insensitive
-- uniqueness the product promises while keeping the name as the user typed it.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    email         TEXT    UNIQUE COLLATE NOCASE,  -- optional on the line protocol (reg u p [email])
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
    created_at    TEXT    NOT NULL
);
