package dev.huddle.room.project;

import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.room.Projects;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One user's membership of a project.
 *
 * @param userId   the account id in auth-service
 * @param username the username in display case, as auth-service resolved it
 * @param role     owner or member
 * @param addedAt  when the user joined the project (millisecond precision)
 */
public record Member(long userId, String username, MemberRole role, Instant addedAt) {

    /**
     * The order members are listed in everywhere (database, cache, JSON): the owner first, then by
     * joining time, ties broken by user id so the order is total and both sources agree.
     */
    public static final Comparator<Member> LISTING_ORDER = Comparator
        .comparing((Member m) -> m.role() != MemberRole.OWNER)
        .thenComparing(Member::addedAt)
        .thenComparingLong(Member::userId);

    public Member {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(addedAt, "addedAt");
    }

    /** The user as room events name them. */
    public UserRef ref() {
        return new UserRef(userId, username);
    }

    /** The same member with another role. */
    public Member withRole(MemberRole newRole) {
        return new Member(userId, username, newRole, addedAt);
    }

    /** As answers name it ({@link Projects.Member}). */
    public Projects.Member toWire() {
        return new Projects.Member(userId, username, role.wireName(), addedAt);
    }
}
