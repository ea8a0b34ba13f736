package dev.huddle.room.project;

import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.room.Projects;
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

    /** As the listing names it ({@link Projects.Summary}); {@code myRole} null when the viewer is not a member. */
    public Projects.Summary toWire() {
        return new Projects.Summary(id, name, new UserRef(ownerId, ownerUsername), memberCount,
            myRole == null ? null : myRole.wireName(), createdAt);
    }

    public JsonObject toJson() {
        return toWire().toJson();
    }
}
