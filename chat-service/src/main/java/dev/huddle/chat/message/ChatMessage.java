package dev.huddle.chat.message;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored room message, exactly as it was acknowledged to its sender.
 *
 * @param id             the message id, increasing in commit order; history pages by it
 * @param projectId      the project (room) it was posted to
 * @param senderId       the sender's user id
 * @param senderUsername the sender's username when sending
 * @param text           the text as accepted by {@link MessageRules#validateText}
 * @param createdAt      when the server stored it (millisecond precision, UTC)
 * @param file           the file this message shares, or null for a plain message
 */
public record ChatMessage(long id, long projectId, long senderId, String senderUsername, String text,
                          Instant createdAt, FileRef file) {

    /** A plain message, sharing no file. */
    public ChatMessage(long id, long projectId, long senderId, String senderUsername, String text, Instant createdAt) {
        this(id, projectId, senderId, senderUsername, text, createdAt, null);
    }

    public ChatMessage {
        Objects.requireNonNull(senderUsername, "senderUsername");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * {@code {"id":42,"projectId":7,"userId":1,"username":"alice","text":"hi","createdAt":"2024-10-30T09:15:02.114Z"}};
     * {@code createdAt} is {@link Instant#toString()}, which leaves out a zero fraction
     * ({@code "...T09:15:02Z"}), as every Huddle timestamp on the wire does. A message sharing a
     * file also has {@code "file": {...}} ({@link FileRef#toJson()}).
     */
    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("id", id).put("projectId", projectId).put("userId", senderId)
            .put("username", senderUsername).put("text", text).put("createdAt", createdAt.toString());
        return file == null ? json : json.put("file", file.toJson());
    }
}
