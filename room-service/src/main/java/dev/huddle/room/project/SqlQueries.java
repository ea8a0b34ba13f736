package dev.huddle.room.project;

/** Every SQL statement of room-service, in one place. */
final class SqlQueries {

    private SqlQueries() {
    }

    static final String INSERT_PROJECT = "INSERT INTO projects (name, owner, created_at) VALUES (?, ?, ?)";
    static final String PROJECT_BY_ID = "SELECT id, name, owner, created_at FROM projects WHERE id = ?";
    static final String RENAME = "UPDATE projects SET name = ? WHERE id = ?";
    static final String SET_PROJECT_OWNER = "UPDATE projects SET owner = ? WHERE id = ?";
    // memberships go with it: ON DELETE CASCADE
    static final String DELETE_PROJECT = "DELETE FROM projects WHERE id = ?";

    // Only the primary key may conflict here: adding someone twice is a no-op, not an error.
    static final String INSERT_MEMBER = """
        INSERT INTO project_members (project_id, user_id, username, role, added_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (project_id, user_id) DO NOTHING""";
    // Same order as Member.LISTING_ORDER: the owner first, then by joining time and user id.
    static final String MEMBERS_OF = """
        SELECT user_id, username, role, added_at FROM project_members WHERE project_id = ?
        ORDER BY role = 'owner' DESC, added_at, user_id""";
    static final String IS_MEMBER = "SELECT 1 FROM project_members WHERE project_id = ? AND user_id = ?";
    // The owner's row is never removed: a project always has its owner as a member.
    static final String REMOVE_MEMBER = """
        DELETE FROM project_members WHERE project_id = ? AND user_id = ? AND role <> 'owner'""";
    static final String DEMOTE_OWNER = """
        UPDATE project_members SET role = 'member' WHERE project_id = ? AND role = 'owner'""";
    static final String PROMOTE_TO_OWNER = """
        UPDATE project_members SET role = 'owner' WHERE project_id = ? AND user_id = ?""";

    private static final String SUMMARY_COLUMNS = """
        SELECT p.id, p.name, p.owner, o.username AS owner_username, p.created_at, me.role AS my_role,
               (SELECT COUNT(*) FROM project_members c WHERE c.project_id = p.id) AS member_count
        """;
    private static final String OWNER_ROW = """
        LEFT JOIN project_members o ON o.project_id = p.id AND o.user_id = p.owner
        """;
    private static final String NEWEST_FIRST = "ORDER BY p.created_at DESC, p.id DESC";

    /** The projects user ? belongs to, with the user's role. */
    static final String PROJECTS_OF_USER = SUMMARY_COLUMNS + """
        FROM project_members me JOIN projects p ON p.id = me.project_id
        """ + OWNER_ROW + "WHERE me.user_id = ?\n" + NEWEST_FIRST;

    /** Every project, with the role of viewer ? where they are a member. */
    static final String ALL_PROJECTS = SUMMARY_COLUMNS + """
        FROM projects p LEFT JOIN project_members me ON me.project_id = p.id AND me.user_id = ?
        """ + OWNER_ROW + NEWEST_FIRST;

    // LEFT JOIN so a project is listed even without membership rows (which the rules never allow).
    static final String ALL_MEMBERSHIPS = """
        SELECT p.id AS project_id, m.user_id, m.username, m.role, m.added_at
        FROM projects p LEFT JOIN project_members m ON m.project_id = p.id
        ORDER BY p.id, m.role = 'owner' DESC, m.added_at, m.user_id""";
}
