package dev.huddle.chat.message;

import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.chat.DmThreadList;
import dev.huddle.contracts.chat.FileInfo;
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
                            String recipientUsername, String text, Instant createdAt, FileInfo file) {

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

    /** What clients receive: the contract's direct message, both ends as {@code {id, username}}. */
    public dev.huddle.contracts.chat.DirectMessage toWire() {
        return new dev.huddle.contracts.chat.DirectMessage(id, new UserRef(senderId, senderUsername),
            new UserRef(recipientId, recipientUsername), text, createdAt, file);
    }

    /** This message as the newest of a {@code dm_threads} entry seen by {@code userId}: the peer is the other end. */
    public DmThreadList.Item threadSeenBy(long userId) {
        UserRef peer = senderId == userId ? new UserRef(recipientId, recipientUsername)
            : new UserRef(senderId, senderUsername);
        return new DmThreadList.Item(peer, toWire());
    }

    /** The contract's JSON (golden fixtures {@code event-dm.json} and {@code dm-file.json}). */
    public JsonObject toJson() {
        return toWire().toJson();
    }
}
