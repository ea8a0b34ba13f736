package dev.huddle.chat.message;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored direct message, exactly as it was acknowledged to its sender. Sender and recipient may
 * be the same user (a note to self).
 *
 * @param id                the message id, increasing in commit order; history pages by it
 * @param senderId          the sender's user id
 * @param senderUsername    the sender's username when sending
 * @param recipientId       the recipient's user id
 * @param recipientUsername the recipient's username as resolved when sending
 * @param text              the text as accepted by {@link MessageRules#validateText}
 * @param createdAt         when the server stored it (millisecond precision, UTC)
 * @param file              the file this message shares, or null for a plain message
 */
public record DirectMessage(long id, long senderId, String senderUsername, long recipientId,
                            String recipientUsername, String text, Instant createdAt, FileRef file) {

    /** A plain message, sharing no file. */
    public DirectMessage(long id, long senderId, String senderUsername, long recipientId, String recipientUsername,
                         String text, Instant createdAt) {
        this(id, senderId, senderUsername, recipientId, recipientUsername, text, createdAt, null);
    }

    public DirectMessage {
        Objects.requireNonNull(senderUsername, "senderUsername");
        Objects.requireNonNull(recipientUsername, "recipientUsername");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** True if {@code userId} sent or received this message: whose live connections it is pushed to. */
    public boolean involves(long userId) {
        return senderId == userId || recipientId == userId;
    }

    /**
     * {@code {"id":9,"from":{"id":1,"username":"alice"},"to":{"id":2,"username":"bob"},"text":"hi",
     * "createdAt":"2024-10-30T09:15:02.114Z"}}, {@code createdAt} and {@code file} as in
     * {@link ChatMessage#toJson()}.
     */
    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("id", id)
            .put("from", new JsonObject().put("id", senderId).put("username", senderUsername))
            .put("to", new JsonObject().put("id", recipientId).put("username", recipientUsername))
            .put("text", text).put("createdAt", createdAt.toString());
        return file == null ? json : json.put("file", file.toJson());
    }
}
