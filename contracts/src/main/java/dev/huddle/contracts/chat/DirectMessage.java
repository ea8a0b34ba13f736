package dev.huddle.contracts.chat;

import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.WireJson;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * A direct message, as chat-service sends it: the {@code OK dm} result, the {@code dm} event and each
 * item of a {@code dm_history} page. Both ends are users with their ids, never bare names:
 * <pre>{"id":9,"from":{"id":1,"username":"alice"},"to":{"id":2,"username":"bob"},"text":"hi","createdAt":"2024-10-30T09:15:02.114Z"}</pre>
 * Sender and recipient may be the same user (a note to self). A message that shares a file also has
 * {@code "file":{...}} ({@link FileInfo}); {@code file} is null for every other message.
 */
public record DirectMessage(long id, UserRef from, UserRef to, String text, Instant createdAt, FileInfo file) {

    public DirectMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A message without a file. */
    public DirectMessage(long id, UserRef from, UserRef to, String text, Instant createdAt) {
        this(id, from, to, text, createdAt, null);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("id", id).put("from", from.toJson()).put("to", to.toJson())
            .put("text", text).put("createdAt", createdAt.toString());
        return file == null ? json : json.put("file", file.toJson());
    }

    /** @throws HuddleException BAD_REQUEST for a missing or mistyped field */
    public static DirectMessage fromJson(JsonObject json) {
        return new DirectMessage(WireJson.id(json, "id"), UserRef.fromJson(WireJson.object(json, "from")),
            UserRef.fromJson(WireJson.object(json, "to")), WireJson.text(json, "text"),
            WireJson.instant(json, "createdAt"), FileInfo.optional(json));
    }

    /** The other end of the conversation, seen by {@code me} (case-insensitive, as usernames are). */
    public UserRef peer(String me) {
        return from.username().equalsIgnoreCase(me) ? to : from;
    }

    /** {@code alice: hi - 2024-10-30T09:15:02.114Z}, named by the sender ({@link ChatLine}). */
    public String line() {
        return ChatLine.format(from.username(), text, createdAt);
    }
}
