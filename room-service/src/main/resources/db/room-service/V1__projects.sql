-- Projects (meeting rooms). Timestamps are ISO-8601 UTC with exactly three fraction digits
-- (2024-10-30T09:15:02.000Z), so ordering the text orders the instants.

-- owner repeats the project_members row whose role is 'owner': listings read it without a join,
-- and the two are only ever changed together, in one transaction. It is a user id of auth-service:
-- no foreign key, because users live in another service's database.
CREATE TABLE projects (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL,
    owner      INTEGER NOT NULL,
    created_at TEXT    NOT NULL
);

-- One row per member, the owner included. username is the display form auth-service resolved;
-- usernames never change in Huddle, so keeping it here spares a call to auth-service per listing.
-- Deleting a project deletes its memberships (the connection turns foreign keys on).
CREATE TABLE project_members (
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL,
    username   TEXT    NOT NULL,
    role       TEXT    NOT NULL CHECK (role IN ('owner', 'member')),
    added_at   TEXT    NOT NULL,
    PRIMARY KEY (project_id, user_id)
);

-- "My projects" looks memberships up by user; the primary key only serves lookups by project.
CREATE INDEX project_members_by_user ON project_members (user_id);
