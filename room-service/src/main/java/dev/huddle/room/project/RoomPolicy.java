package dev.huddle.room.project;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import java.util.Optional;

/**
 * Who may do what to a project, in one place.
 *
 * <pre>
 *                      VIEW  LEAVE       ADD_MEMBERS KICK TRANSFER_OWNERSHIP RENAME DELETE   JOIN_CALL
 *   owner              yes   CONFLICT    yes (all of these)                                yes
 *   member             yes   yes         NOT_OWNER (all of these)                          yes
 *   outsider           NOT_MEMBER for every operation
 *   admin, not member  yes   NOT_MEMBER  yes (all of these)                                NOT_MEMBER
 *   admin and member   yes   as member   yes                                               yes
 *   admin and owner    yes   CONFLICT    yes                                               yes
 * </pre>
 * Admin rights never make someone a member, so an admin can leave only a project they belong to;
 * the owner cannot leave at all, because a project always has exactly one owner. Joining the room's
 * call ({@code JOIN_CALL}) takes membership (owner or member); an admin who is not a member may see
 * the room but not join its call, since nothing would drop them from it.
 */
public final class RoomPolicy {

    /** Everything one can do to an existing project. */
    public enum Operation {
        VIEW, ADD_MEMBERS, KICK, LEAVE, TRANSFER_OWNERSHIP, RENAME, DELETE, JOIN_CALL
    }

    private RoomPolicy() {
    }

    /**
     * Allows {@code op} or throws.
     *
     * @param callerRole    the caller's role in the project, empty if not a member
     * @param callerIsAdmin whether the caller has the Huddle admin role
     * @throws HuddleException NOT_MEMBER, NOT_OWNER or CONFLICT as in the table above
     */
    public static void check(Operation op, Optional<MemberRole> callerRole, boolean callerIsAdmin) {
        if (op == Operation.LEAVE) {
            checkLeave(callerRole.orElse(null));
            return;
        }
        if (op == Operation.JOIN_CALL) {
            callerRole.orElseThrow(RoomPolicy::notMember);
            return;
        }
        if (callerIsAdmin) {
            return;
        }
        MemberRole role = callerRole.orElseThrow(RoomPolicy::notMember);
        if (role == MemberRole.MEMBER && op != Operation.VIEW) {
            throw new HuddleException(ErrorCode.NOT_OWNER, "only the project owner or an admin may do that");
        }
    }

    private static void checkLeave(MemberRole role) {
        if (role == null) {
            throw notMember();
        }
        if (role == MemberRole.OWNER) {
            throw new HuddleException(ErrorCode.CONFLICT,
                "the owner cannot leave: hand over ownership or delete the project");
        }
    }

    private static HuddleException notMember() {
        return new HuddleException(ErrorCode.NOT_MEMBER, "you are not a member of this project");
    }
}
