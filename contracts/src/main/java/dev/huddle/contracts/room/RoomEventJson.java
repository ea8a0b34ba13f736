package dev.huddle.contracts.room;

import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.WireJson;
import dev.huddle.contracts.room.RoomEvent.MemberAdded;
import dev.huddle.contracts.room.RoomEvent.MemberRemoved;
import dev.huddle.contracts.room.RoomEvent.OwnerChanged;
import dev.huddle.contracts.room.RoomEvent.ProjectCreated;
import dev.huddle.contracts.room.RoomEvent.ProjectDeleted;
import dev.huddle.contracts.room.RoomEvent.ProjectRenamed;
import dev.huddle.contracts.room.RoomEvent.Reason;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The JSON form of {@link RoomEvent}s. Example:
 * <pre>{"type":"member_added","projectId":7,"at":"2024-10-30T09:15:02.114Z",
 *  "user":{"id":2,"username":"bob"},"role":"member","by":{"id":1,"username":"alice"}}</pre>
 * Decoding refuses anything malformed with BAD_REQUEST, never a crash.
 */
public final class RoomEventJson {

    private RoomEventJson() {
    }

    private static final Set<String> TYPES = Set.of("project_created", "member_added",
        "member_removed", "owner_changed", "project_renamed", "project_deleted");

    /** Whether {@code type} names a room event. */
    public static boolean isType(String type) {
        return TYPES.contains(type);
    }

    /** The event's wire type, e.g. {@code member_added}. */
    public static String type(RoomEvent event) {
        return switch (event) {
            case ProjectCreated e -> "project_created";
            case MemberAdded e -> "member_added";
            case MemberRemoved e -> "member_removed";
            case OwnerChanged e -> "owner_changed";
            case ProjectRenamed e -> "project_renamed";
            case ProjectDeleted e -> "project_deleted";
        };
    }

    public static JsonObject toJson(RoomEvent event) {
        JsonObject json = new JsonObject().put("type", type(event)).put("projectId", event.projectId())
            .put("at", event.at().toString());
        return switch (event) {
            case ProjectCreated e -> json.put("name", e.name()).put("owner", user(e.owner()))
                .put("members", users(e.members()));
            case MemberAdded e -> json.put("user", user(e.user())).put("role", e.role()).put("by", user(e.by()));
            case MemberRemoved e -> json.put("user", user(e.user()))
                .put("reason", e.reason().name().toLowerCase(Locale.ROOT)).put("by", user(e.by()));
            case OwnerChanged e -> json.put("previousOwner", user(e.previousOwner()))
                .put("newOwner", user(e.newOwner())).put("by", user(e.by()));
            case ProjectRenamed e -> json.put("name", e.name()).put("by", user(e.by()));
            case ProjectDeleted e -> json.put("members", users(e.members())).put("by", user(e.by()));
        };
    }

    public static RoomEvent fromJson(JsonObject json) {
        try {
            long projectId = json.getLong("projectId");
            Instant at = Instant.parse(json.getString("at"));
            return switch (json.getString("type")) {
                case "project_created" -> new ProjectCreated(projectId, text(json, "name"),
                    user(json.getJsonObject("owner")), users(json.getJsonArray("members")), at);
                case "member_added" -> new MemberAdded(projectId, user(json.getJsonObject("user")),
                    text(json, "role"), user(json.getJsonObject("by")), at);
                case "member_removed" -> new MemberRemoved(projectId, user(json.getJsonObject("user")),
                    Reason.valueOf(text(json, "reason").toUpperCase(Locale.ROOT)), user(json.getJsonObject("by")), at);
                case "owner_changed" -> new OwnerChanged(projectId, user(json.getJsonObject("previousOwner")),
                    user(json.getJsonObject("newOwner")), user(json.getJsonObject("by")), at);
                case "project_renamed" -> new ProjectRenamed(projectId, text(json, "name"),
                    user(json.getJsonObject("by")), at);
                case "project_deleted" -> new ProjectDeleted(projectId, users(json.getJsonArray("members")),
                    user(json.getJsonObject("by")), at);
                default -> throw new IllegalArgumentException("unknown type");
            };
        } catch (RuntimeException e) {
            throw HuddleException.badRequest("malformed room event");
        }
    }

    private static JsonObject user(UserRef user) {
        return user.toJson();
    }

    private static JsonArray users(List<UserRef> users) {
        return WireJson.array(users, UserRef::toJson);
    }

    private static UserRef user(JsonObject json) {
        return UserRef.fromJson(json);
    }

    private static List<UserRef> users(JsonArray array) {
        List<UserRef> users = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            users.add(user(array.getJsonObject(i)));
        }
        return List.copyOf(users);
    }

    private static String text(JsonObject json, String field) {
        String value = json.getString(field);
        if (value == null) {
            throw new IllegalArgumentException(field);
        }
        return value;
    }
}
