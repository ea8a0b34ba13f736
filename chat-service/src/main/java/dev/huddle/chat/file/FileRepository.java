package dev.huddle.chat.file;

import static dev.huddle.chat.message.MessageRepository.bind;
import static dev.huddle.chat.message.MessageRepository.storedTime;

import dev.huddle.chat.message.MessageRepository;
import dev.huddle.chat.message.Page;
import dev.huddle.chat.message.PageRequest;
import dev.huddle.chat.message.SqlQueries;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.FileSize;
import dev.huddle.server.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code files} and {@code uploads} tables, and the messages that announce files (through
 * {@link MessageRepository}, in the same transaction). Blocking: call from a worker thread.
 */
public final class FileRepository {

    /** What {@link #complete} and {@link #delete} changed in history. */
    public record Announcement(StoredFile file, Object message) {
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final Database database;
    private final MessageRepository messages;

    public FileRepository(Database database, MessageRepository messages) {
        this.database = database;
        this.messages = messages;
    }

    /**
     * Records an accepted upload if the uploader's stored files and unfinished uploads leave room for
     * it. One immediate transaction, so two uploads racing for the last of a quota cannot both win,
     * whichever instance takes them.
     *
     * @throws HuddleException QUOTA_EXCEEDED
     */
    public void reserve(PendingUpload upload, long quotaBytes) {
        database.inTransaction(c -> {
            long held = single(c, SqlQueries.BYTES_HELD_BY, upload.uploaderId(), upload.uploaderId());
            if (held + upload.size() > quotaBytes) {
                throw new HuddleException(ErrorCode.QUOTA_EXCEEDED, "this file (" + FileSize.human(upload.size())
                    + ") would take you past your quota of " + FileSize.human(quotaBytes) + "; "
                    + FileSize.human(Math.max(0, quotaBytes - held)) + " left");
            }
            Destination d = upload.destination();
            update(c, SqlQueries.INSERT_UPLOAD, upload.id(), d instanceof Destination.Room r ? r.projectId() : null,
                d instanceof Destination.Direct t ? t.recipientId() : null,
                d instanceof Destination.Direct t ? t.recipientUsername() : null, upload.uploaderId(),
                upload.uploaderUsername(), upload.name(), upload.size(), upload.sha256(), upload.storageKey(),
                upload.resumable() ? 1 : 0, storedTime(upload.createdAt()), storedTime(upload.createdAt()));
            return null;
        });
    }

    public Optional<PendingUpload> upload(String id) {
        return database.withConnection(c -> first(c, SqlQueries.UPLOAD_BY_ID, FileRepository::pendingUpload, id));
    }

    public void touch(String uploadId, Instant at) {
        database.withConnection(c -> update(c, SqlQueries.TOUCH_UPLOAD, storedTime(at), uploadId));
    }

    public void deleteUpload(String uploadId) {
        database.withConnection(c -> update(c, SqlQueries.DELETE_UPLOAD, uploadId));
    }

    /**
     * Turns a checked upload into a stored file and the message announcing it, in one transaction:
     * the file row, the message with its {@code file_id}, and the upload row marked done (tus: HEAD
     * still answers for it) or removed (line protocol).
     */
    public Announcement complete(PendingUpload upload, String contentType, String text, Instant at) {
        return database.inTransaction(c -> {
            Destination d = upload.destination();
            Long recipientId = d instanceof Destination.Direct t ? t.recipientId() : null;
            String conversation = recipientId == null ? null
                : MessageRepository.conversation(upload.uploaderId(), recipientId);
            long id = insert(c, SqlQueries.INSERT_FILE, d instanceof Destination.Room r ? r.projectId() : null,
                conversation, recipientId, d instanceof Destination.Direct t ? t.recipientUsername() : null,
                upload.uploaderId(), upload.uploaderUsername(), upload.name(), upload.size(), contentType,
                upload.sha256(), upload.storageKey(), storedTime(at));
            StoredFile file = first(c, SqlQueries.FILE_BY_ID, FileRepository::storedFile, id).orElseThrow();
            Object message = switch (d) {
                case Destination.Room r -> messages.insertRoomMessage(c, r.projectId(), upload.uploaderId(),
                    upload.uploaderUsername(), text, at, file.ref());
                case Destination.Direct t -> messages.insertDirect(c, upload.uploaderId(), upload.uploaderUsername(),
                    t.recipientId(), t.recipientUsername(), text, at, file.ref());
            };
            if (upload.resumable()) {
                update(c, SqlQueries.UPLOAD_DONE, id, storedTime(at), upload.id());
            } else {
                update(c, SqlQueries.DELETE_UPLOAD, upload.id());
            }
            return new Announcement(file, message);
        });
    }

    public Optional<StoredFile> file(long id) {
        return database.withConnection(c -> first(c, SqlQueries.FILE_BY_ID, FileRepository::storedFile, id));
    }

    /** A room's files ({@code conversation} null) or a conversation's, newest first. */
    public Page<StoredFile> page(Long projectId, String conversation, PageRequest request) {
        return database.withConnection(c -> {
            List<StoredFile> rows = all(c, projectId != null ? SqlQueries.ROOM_FILES : SqlQueries.CONVERSATION_FILES,
                FileRepository::storedFile, projectId != null ? projectId : conversation, request.beforeId(),
                request.limit() + 1);
            boolean more = rows.size() > request.limit();
            return new Page<>(more ? rows.subList(0, request.limit()) : rows, more);
        });
    }

    /**
     * Removes a file's row; the message that shared it stays, with {@code text} and no file.
     *
     * @return the message's id, or null if none shared it
     */
    public Long delete(StoredFile file, String text) {
        return database.inTransaction(c -> {
            update(c, SqlQueries.DELETE_FILE, file.id());
            return messages.unlinkFile(c, file.id(), file.destination() instanceof Destination.Room, text);
        });
    }

    /** Uploads, finished or not, that received nothing since {@code before}. */
    public List<PendingUpload> idleSince(Instant before) {
        return database.withConnection(c -> all(c, SqlQueries.STALE_UPLOADS, FileRepository::pendingUpload,
            storedTime(before)));
    }

    /** Whether a file or an upload owns {@code storageKey} (the janitor leaves those bytes alone). */
    public boolean keyInUse(String storageKey) {
        return database.withConnection(c -> single(c, SqlQueries.STORAGE_KEY_EXISTS, storageKey, storageKey) != 0);
    }

    private static StoredFile storedFile(ResultSet rs) throws SQLException {
        return new StoredFile(rs.getLong("id"), destination(rs), rs.getLong("uploader_id"),
            rs.getString("uploader_username"), rs.getString("name"), rs.getLong("size"), rs.getString("content_type"),
            rs.getString("sha256"), rs.getString("storage_key"), Instant.parse(rs.getString("created_at")));
    }

    private static PendingUpload pendingUpload(ResultSet rs) throws SQLException {
        long fileId = rs.getLong("file_id");
        Long file = rs.wasNull() ? null : fileId;
        return new PendingUpload(rs.getString("id"), destination(rs), rs.getLong("uploader_id"),
            rs.getString("uploader_username"), rs.getString("name"), rs.getLong("size"), rs.getString("sha256"),
            rs.getString("storage_key"), rs.getInt("resumable") == 1, Instant.parse(rs.getString("created_at")), file);
    }

    private static Destination destination(ResultSet rs) throws SQLException {
        long projectId = rs.getLong("project_id");
        return rs.wasNull() ? new Destination.Direct(rs.getLong("recipient_id"), rs.getString("recipient_username"))
            : new Destination.Room(projectId);
    }

    private static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql, PreparedStatement.RETURN_GENERATED_KEYS)) {
            bind(s, params);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        }
    }

    private static long single(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        List<T> rows = all(c, sql, row, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    private static <T> List<T> all(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                List<T> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(row.read(rs));
                }
                return list;
            }
        }
    }
}
