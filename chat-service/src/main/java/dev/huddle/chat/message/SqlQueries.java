package dev.huddle.chat.message;

/** Every SQL statement of chat-service, in one place. */
final class SqlQueries {

    private SqlQueries() {
    }

    static final String INSERT_CHAT = """
        INSERT INTO chats (project_id, sender_id, sender_username, text, created_at) VALUES (?, ?, ?, ?, ?)""";
    // Newest first so LIMIT takes the page next to the cursor; one row more than asked tells whether
    // older ones exist. The repository turns the page oldest-first.
    static final String ROOM_PAGE = """
        SELECT id, project_id, sender_id, sender_username, text, created_at FROM chats
        WHERE project_id = ? AND id < ? ORDER BY id DESC LIMIT ?""";
    static final String COUNT_ROOM = "SELECT COUNT(*) FROM chats WHERE project_id = ?";

    static final String INSERT_DIRECT = """
        INSERT INTO direct_messages
            (conversation, sender_id, sender_username, recipient_id, recipient_username, text, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String DIRECT_COLUMNS = """
        SELECT id, sender_id, sender_username, recipient_id, recipient_username, text, created_at
        FROM direct_messages
        """;
    // Same shape as ROOM_PAGE, over one conversation.
    static final String CONVERSATION_PAGE = DIRECT_COLUMNS + """
        WHERE conversation = ? AND id < ? ORDER BY id DESC LIMIT ?""";
    static final String RECEIVED_AFTER = DIRECT_COLUMNS + """
        WHERE recipient_id = ? AND id > ? ORDER BY id LIMIT ?""";
    static final String COUNT_CONVERSATION = "SELECT COUNT(*) FROM direct_messages WHERE conversation = ?";
}
