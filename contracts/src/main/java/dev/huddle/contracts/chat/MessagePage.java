package dev.huddle.contracts.chat;

import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.WireJson;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/**
 * One page of history, oldest → newest, as the {@code history} and {@code dm_history} results carry
 * it: {@code {"messages":[...],"hasMore":true}} plus {@code "projectId"} (history) or {@code "with"}
 * (dm_history, the other user). The next, older page is the one before the first item's id.
 *
 * @param messages oldest first
 * @param hasMore  whether older messages exist before the first one
 * @param <T>      {@link RoomMessage} or {@link DirectMessage}
 */
public record MessagePage<T>(List<T> messages, boolean hasMore) {

    public MessagePage {
        messages = List.copyOf(messages);
    }

    /** The page's {@code messages} and {@code hasMore}; the caller adds {@code projectId} or {@code with}. */
    public JsonObject toJson(Function<T, JsonObject> write) {
        return new JsonObject().put("messages", WireJson.array(messages, write)).put("hasMore", hasMore);
    }

    /** @throws HuddleException BAD_REQUEST for a missing or mistyped field, in the page or any message */
    public static MessagePage<RoomMessage> roomFromJson(JsonObject json) {
        return new MessagePage<>(WireJson.list(json, "messages", RoomMessage::fromJson), WireJson.flag(json, "hasMore"));
    }

    /** @throws HuddleException BAD_REQUEST for a missing or mistyped field, in the page or any message */
    public static MessagePage<DirectMessage> directFromJson(JsonObject json) {
        return new MessagePage<>(WireJson.list(json, "messages", DirectMessage::fromJson), WireJson.flag(json, "hasMore"));
    }

    /** The id to ask for the page before this one, or null when this page is empty. */
    public Long oldestId(Function<T, Long> id) {
        return messages.isEmpty() ? null : id.apply(messages.getFirst());
    }
}
