package dev.huddle.chat.file;

/** Where a file was sent, once the target a client named is resolved: a room, or a user by id. */
public sealed interface Destination {

    /** A project's room; its members may see the file. */
    record Room(long projectId) implements Destination {
    }

    /** A direct conversation; the uploader and the recipient may see the file. */
    record Direct(long recipientId, String recipientUsername) implements Destination {
    }
}
