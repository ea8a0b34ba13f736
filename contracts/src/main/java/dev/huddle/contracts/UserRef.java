package dev.huddle.contracts;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A user as payloads name one: {@code {"id":2,"username":"bob"}} (the sender and recipient of a
 * direct message, who a room event is about and who did it).
 */
public record UserRef(long id, String username) {

    public UserRef {
        Objects.requireNonNull(username, "username");
    }

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("username", username);
    }

    /** @throws HuddleException BAD_REQUEST when {@code id} or {@code username} is missing or of the wrong type */
    public static UserRef fromJson(JsonObject json) {
        return new UserRef(WireJson.id(json, "id"), WireJson.text(json, "username"));
    }
}
