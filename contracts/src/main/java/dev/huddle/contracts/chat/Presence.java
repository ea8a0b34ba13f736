package dev.huddle.contracts.chat;

import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.WireJson;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * Someone opened or closed a room (the {@code joined} and {@code left} events: {@code join},
 * {@code leave}, or their connection ending):
 * <pre>{"projectId":7,"userId":2,"username":"bob"}</pre>
 */
public record Presence(long projectId, long userId, String username) {

    public Presence {
        Objects.requireNonNull(username, "username");
    }

    public JsonObject toJson() {
        return new JsonObject().put("projectId", projectId).put("userId", userId).put("username", username);
    }

    /** @throws HuddleException BAD_REQUEST for a missing or mistyped field */
    public static Presence fromJson(JsonObject json) {
        return new Presence(WireJson.id(json, "projectId"), WireJson.id(json, "userId"), WireJson.text(json, "username"));
    }
}
