package dev.huddle.contracts.room;

import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.WireJson;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * room-service's answers over HTTP (README, "Room HTTP API"), typed once for the service that writes
 * them and the clients that read them; golden fixtures ({@code golden/project-*.json}) pin the JSON.
 * Every {@code fromJson} throws {@link HuddleException} BAD_REQUEST for a missing or mistyped field.
 */
public final class Projects {

    /** The roles a member has, as the wire spells them. */
    public static final String OWNER = "owner";
    public static final String MEMBER = "member";

    private Projects() {
    }

    /**
     * One line of {@code GET /api/projects}:
     * <pre>{"id":7,"name":"Launch","owner":{"id":1,"username":"alice"},"memberCount":3,"myRole":"owner","createdAt":"..."}</pre>
     * {@code myRole} is {@code owner} or {@code member}, or null (JSON {@code null}) when an admin
     * lists a project they are not in.
     */
    public record Summary(long id, String name, UserRef owner, int memberCount, String myRole, Instant createdAt) {
        public Summary {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(createdAt, "createdAt");
        }

        public JsonObject toJson() {
            return new JsonObject().put("id", id).put("name", name).put("owner", owner.toJson())
                .put("memberCount", memberCount).put("myRole", myRole).put("createdAt", createdAt.toString());
        }

        public static Summary fromJson(JsonObject json) {
            Object role = json == null ? null : json.getValue("myRole");
            return new Summary(WireJson.id(json, "id"), WireJson.text(json, "name"),
                UserRef.fromJson(WireJson.object(json, "owner")), (int) WireJson.id(json, "memberCount"),
                role instanceof String text ? text : null, WireJson.instant(json, "createdAt"));
        }
    }

    /**
     * A member of a project:
     * <pre>{"id":2,"username":"bob","role":"member","addedAt":"..."}</pre>
     */
    public record Member(long id, String username, String role, Instant addedAt) {
        public Member {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(addedAt, "addedAt");
        }

        public JsonObject toJson() {
            return new JsonObject().put("id", id).put("username", username).put("role", role)
                .put("addedAt", addedAt.toString());
        }

        public static Member fromJson(JsonObject json) {
            return new Member(WireJson.id(json, "id"), WireJson.text(json, "username"), WireJson.text(json, "role"),
                WireJson.instant(json, "addedAt"));
        }

        public boolean isOwner() {
            return OWNER.equals(role);
        }

        /** The same member with another role. */
        public Member withRole(String newRole) {
            return new Member(id, username, newRole, addedAt);
        }
    }

    /**
     * {@code GET /api/projects/{id}}: name, owner, members (the owner first):
     * <pre>{"id":7,"name":"Launch","owner":{"id":1,"username":"alice"},"createdAt":"...","members":[{member},...]}</pre>
     */
    public record Detail(long id, String name, UserRef owner, Instant createdAt, List<Member> members) {
        public Detail {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(createdAt, "createdAt");
            members = List.copyOf(members);
        }

        public JsonObject toJson() {
            return new JsonObject().put("id", id).put("name", name).put("owner", owner.toJson())
                .put("createdAt", createdAt.toString()).put("members", WireJson.array(members, Member::toJson));
        }

        public static Detail fromJson(JsonObject json) {
            return new Detail(WireJson.id(json, "id"), WireJson.text(json, "name"),
                UserRef.fromJson(WireJson.object(json, "owner")), WireJson.instant(json, "createdAt"),
                WireJson.list(json, "members", Member::fromJson));
        }
    }

    /**
     * What happened to one name of a member list: {@code added}, {@code already_member} or
     * {@code unknown_user}: <pre>{"username":"zed","result":"unknown_user"}</pre>
     */
    public record Outcome(String username, String result) {
        public static final String ADDED = "added";
        public static final String ALREADY_MEMBER = "already_member";
        public static final String UNKNOWN_USER = "unknown_user";

        public Outcome {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(result, "result");
        }

        public JsonObject toJson() {
            return new JsonObject().put("username", username).put("result", result);
        }

        public static Outcome fromJson(JsonObject json) {
            return new Outcome(WireJson.text(json, "username"), WireJson.text(json, "result"));
        }

        public boolean added() {
            return ADDED.equals(result);
        }

        /** {@code bob: added}, {@code zed: no such user}, for people. */
        public String describe() {
            return username + ": " + switch (result) {
                case ADDED -> "added";
                case ALREADY_MEMBER -> "already a member";
                case UNKNOWN_USER -> "no such user";
                default -> result.replace('_', ' ');
            };
        }
    }

    /**
     * The answer to creating a project or adding members: the project as it is now, and one outcome
     * per name: <pre>{"project":{detail},"results":[{outcome},...]}</pre>
     */
    public record Changed(Detail project, List<Outcome> results) {
        public Changed {
            Objects.requireNonNull(project, "project");
            results = List.copyOf(results);
        }

        public JsonObject toJson() {
            return new JsonObject().put("project", project.toJson()).put("results",
                WireJson.array(results, Outcome::toJson));
        }

        public static Changed fromJson(JsonObject json) {
            return new Changed(Detail.fromJson(WireJson.object(json, "project")),
                json.containsKey("results") ? WireJson.list(json, "results", Outcome::fromJson) : List.of());
        }
    }
}
