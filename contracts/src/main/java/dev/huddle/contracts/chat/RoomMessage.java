package dev.huddle.contracts.chat;

import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.WireJson;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * A message in a room, as chat-service sends it: the {@code OK chat} result, the {@code chat} event
 * and each item of a {@code history} page.
 * <pre>{"id":42,"projectId":7,"userId":1,"username":"alice","text":"hi","createdAt":"2024-10-30T09:15:02.114Z"}</pre>
 * {@code id} grows in commit order (history pages by it); {@code createdAt} is
 * {@link Instant#toString()} of the stored millisecond instant, so a zero fraction is left out. A
 * message that shares a file also has {@code "file":{...}} ({@link FileInfo}); {@code file} is null
 * for every other message.
 */
public record RoomMessage(long id, long projectId, long userId, String username, String text, Instant createdAt,
                          FileInfo file) {

    public RoomMessage {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A message without a file. */
    public RoomMessage(long id, long projectId, long userId, String username, String text, Instant createdAt) {
        this(id, projectId, userId, username, text, createdAt, null);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("id", id).put("projectId", projectId).put("userId", userId)
            .put("username", username).put("text", text).put("createdAt", createdAt.toString());
        return file == null ? json : json.put("file", file.toJson());
    }

    /** @throws HuddleException BAD_REQUEST for a missing or mistyped field */
    public static RoomMessage fromJson(JsonObject json) {
        return new RoomMessage(WireJson.id(json, "id"), WireJson.id(json, "projectId"), WireJson.id(json, "userId"),
            WireJson.text(json, "username"), WireJson.text(json, "text"), WireJson.instant(json, "createdAt"),
            FileInfo.optional(json));
    }

    /** {@code alice: hi - 2024-10-30T09:15:02.114Z} ({@link ChatLine}). */
    public String line() {
        return ChatLine.format(username, text, createdAt);
    }
}
