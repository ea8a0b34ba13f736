package dev.huddle.relay.path;

import java.util.Arrays;

/**
 * The sessions of one room's call on this relay. Forwarding iterates {@link #members} on every
 * packet, joins and leaves are rare: the array is replaced on change, never locked or resized in place.
 *
 * <p>The seam for calls spanning relays: a room on several relays would add a peer relay here as one
 * more target, receiving the room's packets once and fanning them out to its own members.
 */
final class CallRoom {

    private static final Session[] NONE = new Session[0];

    final long projectId;
    Session[] members = NONE;

    CallRoom(long projectId) {
        this.projectId = projectId;
    }

    void add(Session session) {
        Session[] grown = Arrays.copyOf(members, members.length + 1);
        grown[members.length] = session;
        members = grown;
    }

    void remove(Session session) {
        for (int i = 0; i < members.length; i++) {
            if (members[i] == session) {
                Session[] shrunk = new Session[members.length - 1];
                System.arraycopy(members, 0, shrunk, 0, i);
                System.arraycopy(members, i + 1, shrunk, i, members.length - i - 1);
                members = shrunk;
                return;
            }
        }
    }

    boolean isEmpty() {
        return members.length == 0;
    }
}
