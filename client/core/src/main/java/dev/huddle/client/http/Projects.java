package dev.huddle.client.http;

import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.WireJson;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/** room-service's answers as the client reads them (README, "Room HTTP API"). */
public final class Projects {

    private Projects() {
    }

    /** One line of {@code GET /api/projects}. {@code myRole} is {@code owner} or {@code member}. */
    public record Summary(long id, String name, UserRef owner, int memberCount, String myRole) {
        public static Summary fromJson(JsonObject json) {
            Object role = json.getValue("myRole");
            return new Summary(WireJson.id(json, "id"), WireJson.text(json, "name"),
                UserRef.fromJson(WireJson.object(json, "owner")), (int) WireJson.id(json, "memberCount"),
                role instanceof String text ? text : "none");
        }
    }

    /** A member of a project; {@code role} is {@code owner} or {@code member}. */
    public record Member(long id, String username, String role) {
        public Member {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(role, "role");
        }

        public static Member fromJson(JsonObject json) {
            return new Member(WireJson.id(json, "id"), WireJson.text(json, "username"), WireJson.text(json, "role"));
        }

        public boolean isOwner() {
            return "owner".equals(role);
        }
    }

    /** {@code GET /api/projects/{id}}: name, owner, members. */
    public record Detail(long id, String name, UserRef owner, List<Member> members) {
        public static Detail fromJson(JsonObject json) {
            return new Detail(WireJson.id(json, "id"), WireJson.text(json, "name"),
                UserRef.fromJson(WireJson.object(json, "owner")), WireJson.list(json, "members", Member::fromJson));
        }
    }

    /** What happened to one name of a member list: {@code added}, {@code already_member}, {@code unknown_user}. */
    public record Outcome(String username, String result) {
        public static Outcome fromJson(JsonObject json) {
            return new Outcome(WireJson.text(json, "username"), WireJson.text(json, "result"));
        }

        public boolean added() {
            return "added".equals(result);
        }

        /** {@code bob: added}, {@code zed: no such user}, for people. */
        public String describe() {
            return username + ": " + switch (result) {
                case "added" -> "added";
                case "already_member" -> "already a member";
                case "unknown_user" -> "no such user";
                default -> result.replace('_', ' ');
            };
        }
    }

    /** The answer to creating a project or adding members: the project as it is now, and one outcome per name. */
    public record Changed(Detail project, List<Outcome> results) {
        public static Changed fromJson(JsonObject json) {
            return new Changed(Detail.fromJson(WireJson.object(json, "project")),
                json.containsKey("results") ? WireJson.list(json, "results", Outcome::fromJson) : List.of());
        }
    }
}
