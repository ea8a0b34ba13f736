package dev.huddle.client.media;

import dev.huddle.contracts.HuddleException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is in one room's call, kept from {@code call_members} and the call events chat-service relays
 * ({@code docs/LINE_PROTOCOL.md}, "Events"). Front ends show it; {@link #username(int)} names the relay
 * session media comes from. Safe to read from any thread; events of other rooms and malformed ones
 * change nothing.
 */
public final class CallRoster {

    /** The call event types this roster reads. */
    public static boolean isCallEvent(String type) {
        return type.equals("call_joined") || type.equals("call_left") || type.equals("call_state");
    }

    private final long projectId;
    private final Map<Integer, CallMember> members = new ConcurrentHashMap<>();

    public CallRoster(long projectId) {
        this.projectId = projectId;
    }

    /** Replaces everything with a {@code call_members} answer ({@code {projectId, members: [...]}}). */
    public void reset(JsonObject answer) {
        members.clear();
        JsonArray list = answer.getJsonArray("members");
        for (Object member : list == null ? new JsonArray() : list) {
            if (member instanceof JsonObject json) {
                read(json).ifPresent(m -> members.put(m.sessionId(), m));
            }
        }
    }

    /** @return whether the event was this room's call event and was applied */
    public boolean apply(String type, JsonObject data) {
        if (!isCallEvent(type) || !(data.getValue("projectId") instanceof Number id) || id.longValue() != projectId
            || !(data.getValue("member") instanceof JsonObject json)) {
            return false;
        }
        Optional<CallMember> member = read(json);
        member.ifPresent(m -> {
            if (type.equals("call_left")) {
                members.remove(m.sessionId());
            } else {
                members.values().removeIf(other -> other.userId() == m.userId() && other.sessionId() != m.sessionId());
                members.put(m.sessionId(), m);
            }
        });
        return member.isPresent();
    }

    public void clear() {
        members.clear();
    }

    /** The participants, by session id. */
    public List<CallMember> members() {
        return members.values().stream().sorted((a, b) -> Integer.compare(a.sessionId(), b.sessionId())).toList();
    }

    /** The username of a relay session, or {@code null} while unknown. */
    public String username(int sessionId) {
        CallMember member = members.get(sessionId);
        return member == null ? null : member.username();
    }

    private static Optional<CallMember> read(JsonObject json) {
        try {
            return Optional.of(CallMember.fromJson(json));
        } catch (HuddleException e) {
            return Optional.empty();
        }
    }
}
