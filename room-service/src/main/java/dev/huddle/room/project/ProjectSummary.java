package dev.huddle.room.project;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One line of a project listing.
 *
 * @param id            the project id
 * @param name          its name
 * @param ownerId       the owner's user id
 * @param ownerUsername the owner's username
 * @param memberCount   how many members, the owner included
 * @param myRole        the viewer's role, {@code null} when an admin lists a project they are not in
 * @param createdAt     when it was created
 */
public record ProjectSummary(long id, String name, long ownerId, String ownerUsername, int memberCount,
                             MemberRole myRole, Instant createdAt) {

    /**
     * {@code {"id":7,"name":"Launch","owner":{"id":1,"username":"alice"},"memberCount":3,"myRole":"owner",
     * "createdAt":"..."}}; {@code myRole} is JSON {@code null} when the viewer is not a member.
     */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("name", name)
            .put("owner", new JsonObject().put("id", ownerId).put("username", ownerUsername))
            .put("memberCount", memberCount)
            .put("myRole", myRole == null ? null : myRole.wireName())
            .put("createdAt", createdAt.toString());
    }
}
