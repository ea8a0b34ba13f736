package dev.huddle.chat.file;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.Role;
import dev.huddle.server.token.Principal;

/**
 * Who may see and who may remove a file, in one place. A room's file: its members see it; its
 * uploader, the room's owner and admins remove it. A direct file: its two parties see it; its
 * uploader and admins remove it. Everyone else is NOT_MEMBER, whether the file exists or not for
 * direct files, so ids reveal nothing about other people's conversations.
 */
public final class FilePolicy {

    /** The caller's standing in the file's room, as room-service answers it (ignored for direct files). */
    public record Standing(boolean member, boolean owner) {
        public static final Standing NONE = new Standing(false, false);
    }

    private FilePolicy() {
    }

    /** @throws HuddleException NOT_MEMBER unless the caller may download or list {@code file} */
    public static void requireReader(Principal caller, StoredFile file, Standing standing) {
        boolean allowed = switch (file.destination()) {
            case Destination.Room room -> standing.member();
            case Destination.Direct direct -> isParty(caller, file, direct);
        };
        if (!allowed) {
            throw notMember(file);
        }
    }

    /** @throws HuddleException NOT_MEMBER or FORBIDDEN unless the caller may delete {@code file} */
    public static void requireRemover(Principal caller, StoredFile file, Standing standing) {
        if (caller.role() == Role.ADMIN || caller.userId() == file.uploaderId()) {
            return;
        }
        requireReader(caller, file, standing);
        if (!standing.owner() || !(file.destination() instanceof Destination.Room)) {
            throw new HuddleException(ErrorCode.FORBIDDEN,
                "only the uploader, the room's owner or an admin can remove file " + file.id());
        }
    }

    private static boolean isParty(Principal caller, StoredFile file, Destination.Direct direct) {
        return caller.userId() == file.uploaderId() || caller.userId() == direct.recipientId();
    }

    private static HuddleException notMember(StoredFile file) {
        return switch (file.destination()) {
            case Destination.Room room -> new HuddleException(ErrorCode.NOT_MEMBER,
                "you are not a member of project " + room.projectId());
            case Destination.Direct direct -> new HuddleException(ErrorCode.NOT_MEMBER,
                "file " + file.id() + " is not in one of your conversations");
        };
    }
}
