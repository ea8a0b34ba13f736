-- Files shared in rooms and direct conversations, and uploads still in progress. The bytes live in
-- the file store (<data dir>/files), under storage_key: a random name the server chose, never a name
-- or path a client sent. name is for display only, already cleaned of control characters and path
-- separators.

-- A file belongs to a project's room (project_id) or to a conversation ("<low id>:<high id>", as
-- direct_messages.conversation), never both: the CHECK holds it. AUTOINCREMENT: a deleted file's id
-- is never reused, so an old link never fetches someone else's file.
CREATE TABLE files (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id         INTEGER,
    conversation       TEXT,
    recipient_id       INTEGER,
    recipient_username TEXT,
    uploader_id        INTEGER NOT NULL,
    uploader_username  TEXT    NOT NULL,
    name               TEXT    NOT NULL,
    size               INTEGER NOT NULL CHECK (size >= 0),
    content_type       TEXT    NOT NULL,
    sha256             TEXT    NOT NULL CHECK (length(sha256) = 64),
    storage_key        TEXT    NOT NULL UNIQUE,
    created_at         TEXT    NOT NULL,
    CHECK ((project_id IS NULL) <> (conversation IS NULL)),
    CHECK ((conversation IS NULL) = (recipient_id IS NULL))
);

-- A room's or a conversation's files, newest first: one range scan each.
CREATE INDEX files_by_project ON files (project_id, id);
CREATE INDEX files_by_conversation ON files (conversation, id);
-- A user's quota: the sum of what they uploaded.
CREATE INDEX files_by_uploader ON files (uploader_id);

-- An upload declared (name, size, SHA-256, destination) and checked, whose bytes are arriving. Its
-- size counts against the uploader's quota until it completes or is abandoned, so concurrent uploads
-- cannot overshoot it. id is random (it is the tus upload URL). resumable: 1 for tus uploads, which
-- outlive a dropped connection; 0 for line-protocol ones, removed when their connection drops.
-- touched_at is the last time bytes arrived: the janitor removes uploads idle for longer than
-- HUDDLE_FILES_INCOMPLETE_TTL. file_id is set when a tus upload completes, so a client that lost the
-- answer to its last PATCH learns the file's id from HEAD; the row then ages out like the others.
CREATE TABLE uploads (
    id                 TEXT    PRIMARY KEY,
    project_id         INTEGER,
    recipient_id       INTEGER,
    recipient_username TEXT,
    uploader_id        INTEGER NOT NULL,
    uploader_username  TEXT    NOT NULL,
    name               TEXT    NOT NULL,
    size               INTEGER NOT NULL CHECK (size >= 0),
    sha256             TEXT    NOT NULL CHECK (length(sha256) = 64),
    storage_key        TEXT    NOT NULL UNIQUE,
    resumable          INTEGER NOT NULL,
    created_at         TEXT    NOT NULL,
    touched_at         TEXT    NOT NULL,
    file_id            INTEGER,
    CHECK ((project_id IS NULL) <> (recipient_id IS NULL))
);

CREATE INDEX uploads_by_uploader ON uploads (uploader_id);
CREATE INDEX uploads_by_touched ON uploads (touched_at);

-- The message that announced a file ("alice: shared report.pdf (2.3 MB)"). When the file is deleted
-- the message stays in history with file_id NULL and a text saying it was removed.
ALTER TABLE chats ADD COLUMN file_id INTEGER;
ALTER TABLE direct_messages ADD COLUMN file_id INTEGER;
