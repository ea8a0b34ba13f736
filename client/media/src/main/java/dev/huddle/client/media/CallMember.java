package dev.huddle.client.media;

import dev.huddle.contracts.WireJson;
import io.vertx.core.json.JsonObject;

/**
 * One participant as chat-service's call events ({@code call_joined}, {@code call_left},
 * {@code call_state}) and {@code call_members} name them:
 * <pre>{"sessionId":65537,"userId":2,"username":"bob","mic":true,"camera":false,"screen":false}</pre>
 */
public record CallMember(int sessionId, long userId, String username, boolean mic, boolean camera, boolean screen) {

    /** @throws dev.huddle.contracts.HuddleException BAD_REQUEST for a missing or mistyped field */
    public static CallMember fromJson(JsonObject json) {
        long session = WireJson.id(json, "sessionId");
        return new CallMember((int) session, WireJson.id(json, "userId"), WireJson.text(json, "username"),
            WireJson.flag(json, "mic"), WireJson.flag(json, "camera"), WireJson.flag(json, "screen"));
    }
}
