-- Room chat and direct messages. Timestamps are ISO-8601 UTC with exactly three fraction digits
-- (2024-10-30T09:15:02.000Z), so ordering the text orders the instants. History is paged by id,
-- not by time: ids follow commit order even if a clock steps back.
--
-- User and project ids belong to auth-service and room-service: no foreign keys, because those rows
-- live in other services' databases. Usernames are stored as the sender had them when sending
-- (usernames never change in Huddle), so showing history needs no call to auth-service.

-- AUTOINCREMENT: an id is never reused, even after the newest row is deleted, so a client's
-- "before id N" cursor can never point at a different message later.
CREATE TABLE chats (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id      INTEGER NOT NULL,
    sender_id       INTEGER NOT NULL,
    sender_username TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    created_at      TEXT    NOT NULL
);

-- A room's history page is one range scan: project_id = ? AND id < ? ORDER BY id DESC.
CREATE INDEX chats_by_project ON chats (project_id, id);

-- conversation is "<lower user id>:<higher user id>", the same for both directions (and "5:5" for a
-- note to self), so a pair's history is one index range whoever sent each message. The CHECK keeps
-- the key from ever disagreeing with the two participants it is derived from.
CREATE TABLE direct_messages (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation       TEXT    NOT NULL,
    sender_id          INTEGER NOT NULL,
    sender_username    TEXT    NOT NULL,
    recipient_id       INTEGER NOT NULL,
    recipient_username TEXT    NOT NULL,
    text               TEXT    NOT NULL,
    created_at         TEXT    NOT NULL,
    CHECK (conversation = min(sender_id, recipient_id) || ':' || max(sender_id, recipient_id))
);

CREATE INDEX direct_messages_by_conversation ON direct_messages (conversation, id);

-- "What was sent to me (since id N)": catching up a user who was offline, one range per recipient.
CREATE INDEX direct_messages_by_recipient ON direct_messages (recipient_id, id);
