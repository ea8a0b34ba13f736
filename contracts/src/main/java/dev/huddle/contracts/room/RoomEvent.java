package dev.huddle.contracts.room;

import dev.huddle.contracts.UserRef;

import java.time.Instant;
import java.util.List;

/**
 * A change to a project (meeting room), published by room-service on the event bus
 * ({@code huddle.room.events}) after it is committed. chat-service passes it on, unchanged, to the
 * room's live connections (the {@code EVENT member_added ...} lines), so it is a client payload too;
 * the media relay drops removed members from a call.
 *
 * <p>On the bus each event is a JSON object with a {@code type} field (the name given on each record,
 * also the {@code EVENT <type>} name of the line protocol), {@code projectId}, {@code at} (ISO-8601
 * UTC) and the record's other components by name; see {@link RoomEventJson}.
 */
public sealed interface RoomEvent {

    long projectId();

    Instant at();

    /** {@code project_created}: a new project with its owner and initial members (owner included). */
    record ProjectCreated(long projectId, String name, UserRef owner, List<UserRef> members, Instant at)
        implements RoomEvent {
    }

    /** {@code member_added}: {@code user} joined the project, added by {@code by}. */
    record MemberAdded(long projectId, UserRef user, String role, UserRef by, Instant at) implements RoomEvent {
    }

    /** {@code member_removed}: {@code user} left ({@code by} is the user) or was kicked by {@code by}. */
    record MemberRemoved(long projectId, UserRef user, Reason reason, UserRef by, Instant at) implements RoomEvent {
    }

    /** {@code owner_changed}: ownership handed from {@code previousOwner} to {@code newOwner}. */
    record OwnerChanged(long projectId, UserRef previousOwner, UserRef newOwner, UserRef by, Instant at)
        implements RoomEvent {
    }

    /** {@code project_renamed}. */
    record ProjectRenamed(long projectId, String name, UserRef by, Instant at) implements RoomEvent {
    }

    /** {@code project_deleted}: the project and its memberships are gone; {@code members} were in it. */
    record ProjectDeleted(long projectId, List<UserRef> members, UserRef by, Instant at) implements RoomEvent {
    }

    /** Why a member is no longer in a project. */
    enum Reason {
        LEFT, KICKED
    }
}
