package dev.huddle.server.bus.media;

import dev.huddle.contracts.HuddleException;
import dev.huddle.server.bus.media.CallEvent.CallMember;
import dev.huddle.server.bus.media.CallEvent.Joined;
import dev.huddle.server.bus.media.CallEvent.LeaveReason;
import dev.huddle.server.bus.media.CallEvent.Left;
import dev.huddle.server.bus.media.CallEvent.StateChanged;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;

/**
 * The JSON form of {@link CallEvent}s, on the bus and in the line protocol's {@code EVENT} lines:
 * <pre>{"type":"call_left","projectId":7,"relayId":"relay-1f3a","at":"2024-10-30T09:15:02.114Z",
 *  "member":{"sessionId":65537,"userId":2,"username":"bob","mic":true,"camera":false,"screen":false},
 *  "reason":"timeout"}</pre>
 * {@code reason} only on {@code call_left}. Decoding refuses anything malformed with BAD_REQUEST.
 */
public final class CallEventJson {

    private CallEventJson() {
    }

    public static String type(CallEvent event) {
        return switch (event) {
            case Joined e -> "call_joined";
            case Left e -> "call_left";
            case StateChanged e -> "call_state";
        };
    }

    public static JsonObject toJson(CallEvent event) {
        JsonObject json = new JsonObject().put("type", type(event)).put("projectId", event.projectId())
            .put("relayId", event.relayId()).put("at", event.at().toString()).put("member", member(event.member()));
        return event instanceof Left left ? json.put("reason", left.reason().wireName()) : json;
    }

    public static JsonObject member(CallMember member) {
        return new JsonObject().put("sessionId", member.sessionId()).put("userId", member.userId())
            .put("username", member.username()).put("mic", member.mic()).put("camera", member.camera())
            .put("screen", member.screen());
    }

    public static CallEvent fromJson(JsonObject json) {
        try {
            long projectId = json.getLong("projectId");
            String relayId = json.getString("relayId");
            Instant at = Instant.parse(json.getString("at"));
            CallMember member = member(json.getJsonObject("member"));
            if (relayId == null) {
                throw new IllegalArgumentException("relayId");
            }
            return switch (json.getString("type")) {
                case "call_joined" -> new Joined(projectId, relayId, member, at);
                case "call_left" -> new Left(projectId, relayId, member,
                    LeaveReason.valueOf(json.getString("reason").toUpperCase(Locale.ROOT)), at);
                case "call_state" -> new StateChanged(projectId, relayId, member, at);
                default -> throw new IllegalArgumentException("unknown type");
            };
        } catch (RuntimeException e) {
            throw HuddleException.badRequest("malformed call event");
        }
    }

    public static CallMember member(JsonObject json) {
        String username = json.getString("username");
        if (username == null) {
            throw new IllegalArgumentException("username");
        }
        return new CallMember(json.getInteger("sessionId"), json.getLong("userId"), username,
            json.getBoolean("mic"), json.getBoolean("camera"), json.getBoolean("screen"));
    }
}
