package dev.huddle.chat.file;

import dev.huddle.chat.message.MessageRepository;
import dev.huddle.contracts.chat.FileInfo;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A complete, checked file: its metadata row. The bytes are in the {@link FileStore} under
 * {@link #storageKey}, which is never shown to clients.
 *
 * @param name        the display name, cleaned by {@link FileNames#sanitize}
 * @param contentType detected from the bytes by {@link ContentSniffer}
 * @param sha256      64 lower-case hex digits, checked against the bytes before the file was stored
 */
public record StoredFile(long id, Destination destination, long uploaderId, String uploaderUsername, String name,
                         long size, String contentType, String sha256, String storageKey, Instant createdAt) {

    /** What a message sharing this file carries. */
    public FileInfo ref() {
        return new FileInfo(id, name, size, contentType, sha256);
    }

    /** The conversation key of a direct file (null for a room's). */
    String conversation() {
        return destination instanceof Destination.Direct d ? MessageRepository.conversation(uploaderId, d.recipientId())
            : null;
    }

    /**
     * {@code {"id","name","size","contentType","sha256","uploader":{"id","username"},"createdAt"}} and
     * {@code "projectId"} for a room's file or {@code "to":{"id","username"}} for a direct one.
     */
    public JsonObject toJson() {
        JsonObject json = ref().toJson()
            .put("uploader", new JsonObject().put("id", uploaderId).put("username", uploaderUsername))
            .put("createdAt", createdAt.toString());
        return switch (destination) {
            case Destination.Room room -> json.put("projectId", room.projectId());
            case Destination.Direct direct -> json.put("to", new JsonObject().put("id", direct.recipientId())
                .put("username", direct.recipientUsername()));
        };
    }
}
