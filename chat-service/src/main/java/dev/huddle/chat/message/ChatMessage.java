package dev.huddle.chat.message;

import dev.huddle.contracts.chat.FileInfo;
import dev.huddle.contracts.chat.RoomMessage;
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
                          Instant createdAt, FileInfo file) {

    /** A plain message, sharing no file. */
    public ChatMessage(long id, long projectId, long senderId, String senderUsername, String text, Instant createdAt) {
        this(id, projectId, senderId, senderUsername, text, createdAt, null);
    }

    public ChatMessage {
        Objects.requireNonNull(senderUsername, "senderUsername");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** What clients receive: the contract's {@link RoomMessage}, its file included. */
    public RoomMessage toWire() {
        return new RoomMessage(id, projectId, senderId, senderUsername, text, createdAt, file);
    }

    /** {@link RoomMessage#toJson()}, the shape pinned by the golden fixtures {@code event-chat.json} and {@code chat-file.json}. */
    public JsonObject toJson() {
        return toWire().toJson();
    }
}
