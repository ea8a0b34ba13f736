package dev.huddle.chat.message;

import dev.huddle.contracts.chat.FileInfo;
import dev.huddle.server.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The {@code chats} and {@code direct_messages} tables. Stores what it is given: the rules (what a
 * message may contain, who may post where) are checked before. Blocking: call from a worker thread.
 * Thread-safe: ids come from SQLite, and write transactions queue on the database's busy timeout.
 */
public final class MessageRepository {

    // Always three fraction digits: Instant.toString() drops ".000", which would break text ordering.
    private static final DateTimeFormatter STORED =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final Database database;

    public MessageRepository(Database database) {
        this.database = database;
    }

    /**
     * Stores a room message. It is committed when this returns, so it can be acknowledged.
     *
     * @param createdAt stored to the millisecond, as the returned message says
     * @return the stored message with its new id, equal to what history will return
     */
    public ChatMessage insertRoomMessage(long projectId, long senderId, String senderUsername, String text,
                                         Instant createdAt) {
        return database.inTransaction(c -> insertRoomMessage(c, projectId, senderId, senderUsername, text, createdAt,
            null));
    }

    /** As {@link #insertRoomMessage(long, long, String, String, Instant)}, inside the caller's transaction. */
    public ChatMessage insertRoomMessage(Connection c, long projectId, long senderId, String senderUsername, String text,
                                         Instant createdAt, FileInfo file) throws SQLException {
        Instant at = millis(createdAt);
        long id = insert(c, SqlQueries.INSERT_CHAT, projectId, senderId, senderUsername, text, storedTime(at),
            file == null ? null : file.id());
        return new ChatMessage(id, projectId, senderId, senderUsername, text, at, file);
    }

    /** The newest page of {@code projectId}'s messages before the request's cursor, oldest first. */
    public Page<ChatMessage> roomPage(long projectId, PageRequest request) {
        return page(SqlQueries.ROOM_PAGE, projectId, request, MessageRepository::chatMessage);
    }

    /** How many messages {@code projectId} has. */
    public long countRoomMessages(long projectId) {
        return count(SqlQueries.COUNT_ROOM, projectId);
    }

    /**
     * Stores a direct message (sender and recipient may be the same user). It is committed when this
     * returns, so it can be acknowledged.
     *
     * @param createdAt stored to the millisecond, as the returned message says
     * @return the stored message with its new id, equal to what history will return
     */
    public DirectMessage insertDirect(long senderId, String senderUsername, long recipientId, String recipientUsername,
                                      String text, Instant createdAt) {
        return database.inTransaction(c -> insertDirect(c, senderId, senderUsername, recipientId, recipientUsername,
            text, createdAt, null));
    }

    /** As {@link #insertDirect(long, String, long, String, String, Instant)}, inside the caller's transaction. */
    public DirectMessage insertDirect(Connection c, long senderId, String senderUsername, long recipientId,
                                      String recipientUsername, String text, Instant createdAt, FileInfo file)
        throws SQLException {
        Instant at = millis(createdAt);
        long id = insert(c, SqlQueries.INSERT_DIRECT, conversation(senderId, recipientId), senderId, senderUsername,
            recipientId, recipientUsername, text, storedTime(at), file == null ? null : file.id());
        return new DirectMessage(id, senderId, senderUsername, recipientId, recipientUsername, text, at, file);
    }

    /**
     * Inside the caller's transaction: the message that shared file {@code fileId} (in a room when
     * {@code room}, else in a conversation) stops pointing at it and gets {@code text}.
     *
     * @return the message's id, or null when no message shared it
     */
    public Long unlinkFile(Connection c, long fileId, boolean room, String text) throws SQLException {
        Long messageId;
        try (PreparedStatement s = c.prepareStatement(room ? SqlQueries.ROOM_MESSAGE_OF_FILE
            : SqlQueries.DIRECT_MESSAGE_OF_FILE)) {
            bind(s, fileId);
            try (ResultSet rs = s.executeQuery()) {
                messageId = rs.next() ? rs.getLong(1) : null;
            }
        }
        if (messageId != null) {
            try (PreparedStatement s = c.prepareStatement(room ? SqlQueries.UNLINK_ROOM_FILE
                : SqlQueries.UNLINK_DIRECT_FILE)) {
                bind(s, text, messageId);
                s.executeUpdate();
            }
        }
        return messageId;
    }

    /**
     * The newest page of the conversation between two users, both directions, before the request's
     * cursor, oldest first. The order of the two ids does not matter.
     */
    public Page<DirectMessage> conversationPage(long userA, long userB, PageRequest request) {
        return page(SqlQueries.CONVERSATION_PAGE, conversation(userA, userB), request,
            MessageRepository::directMessage);
    }

    /**
     * Up to {@code limit} messages sent to {@code recipientId} with an id above {@code afterId}, oldest
     * first: what a user who was offline since message {@code afterId} has missed, from everyone.
     * Pass {@code afterId} 0 to start from the beginning; {@code limit} must be positive.
     */
    public List<DirectMessage> receivedAfter(long recipientId, long afterId, int limit) {
        return database.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(SqlQueries.RECEIVED_AFTER)) {
                bind(s, recipientId, afterId, limit);
                return readAll(s, MessageRepository::directMessage);
            }
        });
    }

    /**
     * The newest message of each conversation {@code userId} is part of (sent or received, notes to
     * self included), the conversation with the newest message first, at most {@code limit}.
     */
    public List<DirectMessage> newestPerConversation(long userId, int limit) {
        return database.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(SqlQueries.THREADS_OF_USER)) {
                bind(s, userId, userId, limit);
                return readAll(s, MessageRepository::directMessage);
            }
        });
    }

    /** How many messages the two users have exchanged, both directions. */
    public long countDirectMessages(long userA, long userB) {
        return count(SqlQueries.COUNT_CONVERSATION, conversation(userA, userB));
    }

    /** "<low>:<high>": the same key whichever of the two sends; the table's CHECK holds it to this form. */
    public static String conversation(long userA, long userB) {
        return Math.min(userA, userB) + ":" + Math.max(userA, userB);
    }

    private static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql, PreparedStatement.RETURN_GENERATED_KEYS)) {
            bind(s, params);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id generated by " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    private <T> Page<T> page(String sql, Object key, PageRequest request, Row<T> row) {
        return database.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, key, request.beforeId(), request.limit() + 1);
                List<T> newestFirst = readAll(s, row);
                boolean hasMore = newestFirst.size() > request.limit();
                List<T> items = new ArrayList<>(newestFirst.subList(0, Math.min(newestFirst.size(), request.limit())));
                Collections.reverse(items);
                return new Page<>(items, hasMore);
            }
        });
    }

    private long count(String sql, Object key) {
        return database.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, key);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Binds {@code params} in order (null as SQL NULL). */
    public static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }

    private static <T> List<T> readAll(PreparedStatement s, Row<T> row) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            List<T> list = new ArrayList<>();
            while (rs.next()) {
                list.add(row.read(rs));
            }
            return list;
        }
    }

    private static ChatMessage chatMessage(ResultSet rs) throws SQLException {
        return new ChatMessage(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("sender_id"),
            rs.getString("sender_username"), rs.getString("text"), Instant.parse(rs.getString("created_at")),
            fileRef(rs));
    }

    private static DirectMessage directMessage(ResultSet rs) throws SQLException {
        return new DirectMessage(rs.getLong("id"), rs.getLong("sender_id"), rs.getString("sender_username"),
            rs.getLong("recipient_id"), rs.getString("recipient_username"), rs.getString("text"),
            Instant.parse(rs.getString("created_at")), fileRef(rs));
    }

    private static FileInfo fileRef(ResultSet rs) throws SQLException {
        long id = rs.getLong("file_id");
        return rs.wasNull() ? null : new FileInfo(id, rs.getString("file_name"), rs.getLong("file_size"),
            rs.getString("file_type"), rs.getString("file_sha256"));
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** How instants are stored: UTC, always three fraction digits, so text order is time order. */
    public static String storedTime(Instant instant) {
        return STORED.format(millis(instant));
    }
}
