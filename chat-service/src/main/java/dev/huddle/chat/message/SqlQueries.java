package dev.huddle.chat.message;

/**
 * Every SQL statement of chat-service, in one place. Public only for the file repository
 * ({@code dev.huddle.chat.file.FileRepository}); the message statements stay package-private.
 */
public final class SqlQueries {

    private SqlQueries() {
    }

    // The file a message shares, if any: messages and history carry its id, name, size, type and hash.
    private static final String FILE_COLUMNS = """
        , f.id AS file_id, f.name AS file_name, f.size AS file_size, f.content_type AS file_type,
        f.sha256 AS file_sha256
        """;

    static final String INSERT_CHAT = """
        INSERT INTO chats (project_id, sender_id, sender_username, text, created_at, file_id) VALUES (?, ?, ?, ?, ?, ?)""";
    // Newest first so LIMIT takes the page next to the cursor; one row more than asked tells whether
    // older ones exist. The repository turns the page oldest-first.
    static final String ROOM_PAGE = "SELECT c.id, c.project_id, c.sender_id, c.sender_username, c.text, c.created_at"
        + FILE_COLUMNS + """
        FROM chats c LEFT JOIN files f ON f.id = c.file_id
        WHERE c.project_id = ? AND c.id < ? ORDER BY c.id DESC LIMIT ?""";
    static final String COUNT_ROOM = "SELECT COUNT(*) FROM chats WHERE project_id = ?";

    static final String INSERT_DIRECT = """
        INSERT INTO direct_messages
            (conversation, sender_id, sender_username, recipient_id, recipient_username, text, created_at, file_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String DIRECT_COLUMNS = """
        SELECT d.id, d.sender_id, d.sender_username, d.recipient_id, d.recipient_username, d.text, d.created_at
        """ + FILE_COLUMNS + """
        FROM direct_messages d LEFT JOIN files f ON f.id = d.file_id
        """;
    // Same shape as ROOM_PAGE, over one conversation.
    static final String CONVERSATION_PAGE = DIRECT_COLUMNS + """
        WHERE d.conversation = ? AND d.id < ? ORDER BY d.id DESC LIMIT ?""";
    static final String RECEIVED_AFTER = DIRECT_COLUMNS + """
        WHERE d.recipient_id = ? AND d.id > ? ORDER BY d.id LIMIT ?""";
    // A user's conversations: the newest message of each conversation they sent or received in, newest
    // first. Both OR branches are indexed (by_sender, by_recipient), so SQLite reads only their messages.
    static final String THREADS_OF_USER = DIRECT_COLUMNS + """
        WHERE d.id IN (SELECT MAX(id) FROM direct_messages WHERE sender_id = ? OR recipient_id = ? GROUP BY conversation)
        ORDER BY d.id DESC LIMIT ?""";
    static final String COUNT_CONVERSATION = "SELECT COUNT(*) FROM direct_messages WHERE conversation = ?";

    // A removed file's message keeps its place in history; its text says the file is gone.
    static final String ROOM_MESSAGE_OF_FILE = "SELECT id FROM chats WHERE file_id = ?";
    static final String DIRECT_MESSAGE_OF_FILE = "SELECT id FROM direct_messages WHERE file_id = ?";
    static final String UNLINK_ROOM_FILE = "UPDATE chats SET text = ?, file_id = NULL WHERE id = ?";
    static final String UNLINK_DIRECT_FILE = "UPDATE direct_messages SET text = ?, file_id = NULL WHERE id = ?";

    // ---------------------------------------------------------------- files and uploads

    private static final String FILE_ROW = """
        SELECT id, project_id, recipient_id, recipient_username, uploader_id, uploader_username, name, size,
               content_type, sha256, storage_key, created_at
        FROM files
        """;
    public static final String INSERT_FILE = """
        INSERT INTO files (project_id, conversation, recipient_id, recipient_username, uploader_id, uploader_username,
                           name, size, content_type, sha256, storage_key, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    public static final String FILE_BY_ID = FILE_ROW + "WHERE id = ?";
    // Newest first, as people look for the file just shared; one row more than asked tells hasMore.
    public static final String ROOM_FILES = FILE_ROW + "WHERE project_id = ? AND id < ? ORDER BY id DESC LIMIT ?";
    public static final String CONVERSATION_FILES = FILE_ROW
        + "WHERE conversation = ? AND id < ? ORDER BY id DESC LIMIT ?";
    public static final String DELETE_FILE = "DELETE FROM files WHERE id = ?";
    public static final String STORAGE_KEY_EXISTS = """
        SELECT EXISTS (SELECT 1 FROM files WHERE storage_key = ?) OR EXISTS (SELECT 1 FROM uploads WHERE storage_key = ?)""";

    // A user's quota counts what they have stored and what their unfinished uploads have reserved.
    public static final String BYTES_HELD_BY = """
        SELECT (SELECT COALESCE(SUM(size), 0) FROM files WHERE uploader_id = ?)
             + (SELECT COALESCE(SUM(size), 0) FROM uploads WHERE uploader_id = ? AND file_id IS NULL)""";

    private static final String UPLOAD_ROW = """
        SELECT id, project_id, recipient_id, recipient_username, uploader_id, uploader_username, name, size, sha256,
               storage_key, resumable, created_at, touched_at, file_id
        FROM uploads
        """;
    public static final String INSERT_UPLOAD = """
        INSERT INTO uploads (id, project_id, recipient_id, recipient_username, uploader_id, uploader_username, name,
                             size, sha256, storage_key, resumable, created_at, touched_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    public static final String UPLOAD_BY_ID = UPLOAD_ROW + "WHERE id = ?";
    public static final String TOUCH_UPLOAD = "UPDATE uploads SET touched_at = ? WHERE id = ?";
    public static final String UPLOAD_DONE = "UPDATE uploads SET file_id = ?, touched_at = ? WHERE id = ?";
    public static final String DELETE_UPLOAD = "DELETE FROM uploads WHERE id = ?";
    public static final String STALE_UPLOADS = UPLOAD_ROW + "WHERE touched_at < ? ORDER BY touched_at";
}
