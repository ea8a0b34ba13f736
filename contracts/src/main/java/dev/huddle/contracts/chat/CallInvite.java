package dev.huddle.contracts.chat;

import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.WireJson;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * Someone asked everyone in a room to join its call (the {@code call_invite} event, after the
 * {@code call_invite} command); clients show a notice with a join button:
 * <pre>{"projectId":7,"from":{"id":1,"username":"alice"},"at":"2024-10-30T09:20:00Z"}</pre>
 */
public record CallInvite(long projectId, UserRef from, Instant at) {

    public CallInvite {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(at, "at");
    }

    public JsonObject toJson() {
        return new JsonObject().put("projectId", projectId).put("from", from.toJson()).put("at", at.toString());
    }

    /** @throws HuddleException BAD_REQUEST for a missing or mistyped field */
    public static CallInvite fromJson(JsonObject json) {
        return new CallInvite(WireJson.id(json, "projectId"), UserRef.fromJson(WireJson.object(json, "from")),
            WireJson.instant(json, "at"));
    }
}
