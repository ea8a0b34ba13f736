package dev.huddle.room.project;

import dev.huddle.server.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code projects} and {@code project_members} tables. Stores what it is given: the rules
 * (who may, what is valid) are {@link ProjectService}'s. Blocking: call from a worker thread.
 */
public final class ProjectRepository {

    // Always three fraction digits: Instant.toString() drops ".000", which would break text ordering.
    private static final DateTimeFormatter STORED =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Database database;

    public ProjectRepository(Database database) {
        this.database = database;
    }

    /**
     * Inserts a project and its members (the owner among them, with role owner) in one transaction.
     *
     * @return the stored project, read back inside the same transaction
     */
    public Project insert(String name, long ownerId, List<Member> members, Instant createdAt) {
        return database.inTransaction(c -> {
            long id;
            try (PreparedStatement s = c.prepareStatement(SqlQueries.INSERT_PROJECT,
                PreparedStatement.RETURN_GENERATED_KEYS)) {
                s.setString(1, name);
                s.setLong(2, ownerId);
                s.setString(3, format(createdAt));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            for (Member member : members) {
                insertMember(c, id, member);
            }
            return findById(c, id).orElseThrow();
        });
    }

    /** The project with its members in {@link Member#LISTING_ORDER}. */
    public Optional<Project> findById(long id) {
        return database.withConnection(c -> findById(c, id));
    }

    /** The projects {@code userId} belongs to, newest first, with their role in each. */
    public List<ProjectSummary> listForUser(long userId) {
        return summaries(SqlQueries.PROJECTS_OF_USER, userId);
    }

    /** Every project, newest first; {@code myRole} is the viewer's role, {@code null} where not a member. */
    public List<ProjectSummary> listAll(long viewerId) {
        return summaries(SqlQueries.ALL_PROJECTS, viewerId);
    }

    /** Adds one member; {@code false} (and nothing changed) if already a member. */
    public boolean addMember(long projectId, Member member) {
        return !addMembers(projectId, List.of(member)).isEmpty();
    }

    /** Adds several members in one transaction; returns those that were not members yet, in the order given. */
    public List<Member> addMembers(long projectId, List<Member> members) {
        return database.inTransaction(c -> {
            List<Member> added = new ArrayList<>();
            for (Member member : members) {
                if (insertMember(c, projectId, member)) {
                    added.add(member);
                }
            }
            return List.copyOf(added);
        });
    }

    /** Removes a member; {@code false} if not a member, and always for the owner, whose row stays. */
    public boolean removeMember(long projectId, long userId) {
        return database.withConnection(c -> update(c, SqlQueries.REMOVE_MEMBER, projectId, userId) == 1);
    }

    /**
     * Makes {@code newOwnerId} the owner in one transaction: the old owner becomes a member and
     * {@code projects.owner} follows.
     *
     * @return {@code false}, changing nothing, if {@code newOwnerId} is not a member of the project
     */
    public boolean setOwner(long projectId, long newOwnerId) {
        return database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(SqlQueries.IS_MEMBER)) {
                s.setLong(1, projectId);
                s.setLong(2, newOwnerId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
            }
            update(c, SqlQueries.DEMOTE_OWNER, projectId);
            update(c, SqlQueries.PROMOTE_TO_OWNER, projectId, newOwnerId);
            update(c, SqlQueries.SET_PROJECT_OWNER, newOwnerId, projectId);
            return true;
        });
    }

    /** {@code false} if there is no such project. */
    public boolean rename(long projectId, String name) {
        return database.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(SqlQueries.RENAME)) {
                s.setString(1, name);
                s.setLong(2, projectId);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Deletes the project and its memberships; {@code false} if there is no such project. */
    public boolean delete(long projectId) {
        return database.withConnection(c -> update(c, SqlQueries.DELETE_PROJECT, projectId) == 1);
    }

    /** Every project id with its members in {@link Member#LISTING_ORDER}: what the membership cache starts from. */
    public Map<Long, List<Member>> loadAllMemberships() {
        return database.withConnection(c -> {
            Map<Long, List<Member>> all = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(SqlQueries.ALL_MEMBERSHIPS);
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<Member> members = all.computeIfAbsent(rs.getLong("project_id"), id -> new ArrayList<>());
                    if (rs.getString("role") != null) {
                        members.add(member(rs));
                    }
                }
            }
            all.replaceAll((id, members) -> List.copyOf(members));
            return all;
        });
    }

    private static boolean insertMember(Connection c, long projectId, Member member) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SqlQueries.INSERT_MEMBER)) {
            s.setLong(1, projectId);
            s.setLong(2, member.userId());
            s.setString(3, member.username());
            s.setString(4, member.role().wireName());
            s.setString(5, format(member.addedAt()));
            return s.executeUpdate() == 1;
        }
    }

    private static Optional<Project> findById(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SqlQueries.PROJECT_BY_ID)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Project(rs.getLong("id"), rs.getString("name"), rs.getLong("owner"),
                    Instant.parse(rs.getString("created_at")), membersOf(c, id)));
            }
        }
    }

    private static List<Member> membersOf(Connection c, long projectId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SqlQueries.MEMBERS_OF)) {
            s.setLong(1, projectId);
            try (ResultSet rs = s.executeQuery()) {
                List<Member> members = new ArrayList<>();
                while (rs.next()) {
                    members.add(member(rs));
                }
                return members;
            }
        }
    }

    private List<ProjectSummary> summaries(String sql, long userId) {
        return database.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, userId);
                try (ResultSet rs = s.executeQuery()) {
                    List<ProjectSummary> list = new ArrayList<>();
                    while (rs.next()) {
                        String myRole = rs.getString("my_role");
                        String ownerUsername = rs.getString("owner_username");
                        list.add(new ProjectSummary(rs.getLong("id"), rs.getString("name"), rs.getLong("owner"),
                            ownerUsername == null ? "" : ownerUsername, rs.getInt("member_count"),
                            myRole == null ? null : MemberRole.fromWire(myRole),
                            Instant.parse(rs.getString("created_at"))));
                    }
                    return list;
                }
            }
        });
    }

    private static int update(Connection c, String sql, long... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setLong(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }

    private static Member member(ResultSet rs) throws SQLException {
        return new Member(rs.getLong("user_id"), rs.getString("username"), MemberRole.fromWire(rs.getString("role")),
            Instant.parse(rs.getString("added_at")));
    }

    private static String format(Instant instant) {
        return STORED.format(instant);
    }
}
