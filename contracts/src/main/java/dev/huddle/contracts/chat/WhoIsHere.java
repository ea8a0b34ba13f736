package dev.huddle.contracts.chat;

import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.WireJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * Who already has a room open, told to a user who just joined it (the {@code here} event): each
 * chat-service instance with someone else in the room answers the {@code joined} with the users it
 * holds there, so a joining client may receive several, each adding to who is online.
 * <pre>{"projectId":7,"users":[{"id":2,"username":"bob"},{"id":3,"username":"carol"}]}</pre>
 */
public record WhoIsHere(long projectId, List<UserRef> users) {

    public WhoIsHere {
        users = List.copyOf(Objects.requireNonNull(users, "users"));
    }

    public JsonObject toJson() {
        return new JsonObject().put("projectId", projectId)
            .put("users", new JsonArray(users.stream().map(UserRef::toJson).toList()));
    }

    /** @throws HuddleException BAD_REQUEST for a missing or mistyped field */
    public static WhoIsHere fromJson(JsonObject json) {
        return new WhoIsHere(WireJson.id(json, "projectId"), WireJson.list(json, "users", UserRef::fromJson));
    }
}
