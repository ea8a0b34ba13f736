package dev.huddle.room.project;

import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.room.Projects;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A project (meeting room) with its members, the owner among them.
 *
 * @param id        the project id
 * @param name      the validated name (see {@link ProjectRules#validateName})
 * @param ownerId   the user id of the owner, who is also in {@code members} with role owner
 * @param createdAt when it was created (millisecond precision)
 * @param members   every member in {@link Member#LISTING_ORDER}
 */
public record Project(long id, String name, long ownerId, Instant createdAt, List<Member> members) {

    public Project {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        members = List.copyOf(members);
    }

    /** The owner's username; empty only if the data were inconsistent (an owner without a member row). */
    public String ownerUsername() {
        return member(ownerId).map(Member::username).orElse("");
    }

    /** The owner as room events name them. */
    public UserRef ownerRef() {
        return new UserRef(ownerId, ownerUsername());
    }

    /** The role of {@code userId} in this project, empty if not a member. */
    public Optional<MemberRole> roleOf(long userId) {
        return member(userId).map(Member::role);
    }

    /** The membership of {@code userId}, if any. */
    public Optional<Member> member(long userId) {
        return members.stream().filter(m -> m.userId() == userId).findFirst();
    }

    /** The member called {@code username}, ignoring case (usernames are ASCII). */
    public Optional<Member> memberNamed(String username) {
        return members.stream().filter(m -> m.username().equalsIgnoreCase(username)).findFirst();
    }

    /** Every member as room events name them, in listing order. */
    public List<UserRef> memberRefs() {
        return members.stream().map(Member::ref).toList();
    }

    /** As answers name it ({@link Projects.Detail}). */
    public Projects.Detail toWire() {
        return new Projects.Detail(id, name, ownerRef(), createdAt, members.stream().map(Member::toWire).toList());
    }

    public JsonObject toJson() {
        return toWire().toJson();
    }
}
