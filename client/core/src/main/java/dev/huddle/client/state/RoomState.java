package dev.huddle.client.state;

import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.chat.Presence;
import dev.huddle.contracts.chat.RoomMessage;
import dev.huddle.contracts.chat.ServerEvent;
import dev.huddle.contracts.room.Projects;
import dev.huddle.contracts.room.RoomEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One open room as the client knows it: its name, members (who owns it, who has it open right now),
 * and its messages ({@link MessageLog}). {@link #apply} takes each event chat-service pushes and
 * answers what a screen should show for it. Not thread-safe: its owner (the UI thread) uses it.
 *
 * <p>"Online" means the member has the room open on a connection: whoever chat-service said was
 * already there when this client joined ({@code here}), everyone who joined or spoke since, and
 * itself; a {@code left} takes them off.
 */
public final class RoomState {

    /** What an event changed, for the screen. */
    public sealed interface Change {
        /** A new message to show. */
        record Message(RoomMessage message) implements Change {
        }

        /** A line for the log: someone joined, left, was added or removed, the room was renamed. */
        record Notice(String text, Instant at) implements Change {
        }

        /** The member list (or who is online, or the name) changed. */
        record Members() implements Change {
        }

        /** This user is no longer in the room (removed, left elsewhere, project deleted): close it. */
        record Closed(String why) implements Change {
        }
    }

    /** A member as the screen lists them. */
    public record MemberView(String username, boolean owner, boolean online, boolean me) {
    }

    private final long projectId;
    private final String me;
    private String name;
    private final Map<String, Projects.Member> members = new LinkedHashMap<>();
    private final Set<String> online = new HashSet<>();
    private final MessageLog<RoomMessage> log = new MessageLog<>(RoomMessage::id);

    public RoomState(long projectId, String name, String me) {
        this.projectId = projectId;
        this.name = name;
        this.me = me;
        online.add(key(me));
    }

    public long projectId() {
        return projectId;
    }

    public String name() {
        return name;
    }

    public MessageLog<RoomMessage> log() {
        return log;
    }

    /** Replaces the member list (from the project's details or the join answer). */
    public void members(List<Projects.Member> list) {
        members.clear();
        list.forEach(m -> members.put(key(m.username()), m));
    }

    /** Owner first, then who is online, then by name. */
    public List<MemberView> members() {
        return members.values().stream()
            .map(m -> new MemberView(m.username(), m.isOwner(), online.contains(key(m.username())), isMe(m.username())))
            .sorted(Comparator.comparing((MemberView m) -> !m.owner()).thenComparing(m -> !m.online())
                .thenComparing(m -> m.username().toLowerCase(Locale.ROOT)))
            .toList();
    }

    public boolean iAmOwner() {
        Projects.Member mine = members.get(key(me));
        return mine != null && mine.isOwner();
    }

    public int memberCount() {
        return members.size();
    }

    /** What {@code event} changes here; nothing for another room's events. */
    public List<Change> apply(ServerEvent event) {
        List<Change> changes = new ArrayList<>();
        switch (event) {
            case ServerEvent.Chat chat when chat.message().projectId() == projectId -> {
                if (log.add(chat.message())) {
                    changes.add(new Change.Message(chat.message()));
                }
            }
            case ServerEvent.Joined joined when joined.presence().projectId() == projectId -> presence(joined.presence(),
                true, changes);
            case ServerEvent.Left left when left.presence().projectId() == projectId -> presence(left.presence(), false,
                changes);
            case ServerEvent.Room room when room.event().projectId() == projectId -> roomEvent(room.event(), changes);
            case ServerEvent.Here here when here.here().projectId() == projectId -> {
                // already in the room before us: online, without a "joined" line for each
                boolean added = false;
                for (UserRef user : here.here().users()) {
                    added |= online.add(key(user.username()));
                }
                if (added) {
                    changes.add(new Change.Members());
                }
            }
            default -> {
                // another room's, a direct message, or a kind this state does not keep
            }
        }
        return changes;
    }

    private void presence(Presence presence, boolean in, List<Change> changes) {
        String who = key(presence.username());
        if (isMe(presence.username())) {
            return; // our own devices coming and going say nothing to us
        }
        boolean changed = in ? online.add(who) : online.remove(who);
        if (changed) {
            changes.add(new Change.Notice(presence.username() + (in ? " joined" : " left"), Instant.now()));
            changes.add(new Change.Members());
        }
    }

    private void roomEvent(RoomEvent event, List<Change> changes) {
        switch (event) {
            case RoomEvent.MemberAdded added -> {
                members.put(key(added.user().username()), new Projects.Member(added.user().id(),
                    added.user().username(), added.role(), added.at()));
                changes.add(new Change.Notice(added.user().username() + " was added by " + added.by().username(),
                    added.at()));
                changes.add(new Change.Members());
            }
            case RoomEvent.MemberRemoved removed -> {
                String who = removed.user().username();
                members.remove(key(who));
                online.remove(key(who));
                boolean kicked = removed.reason() == RoomEvent.Reason.KICKED;
                changes.add(new Change.Notice(kicked ? who + " was removed by " + removed.by().username()
                    : who + " left the project", removed.at()));
                changes.add(new Change.Members());
                if (isMe(who)) {
                    changes.add(new Change.Closed(kicked ? removed.by().username() + " removed you from " + name
                        : "You left " + name));
                }
            }
            case RoomEvent.OwnerChanged owner -> {
                role(owner.previousOwner(), "member");
                role(owner.newOwner(), "owner");
                changes.add(new Change.Notice(owner.newOwner().username() + " is now the owner", owner.at()));
                changes.add(new Change.Members());
            }
            case RoomEvent.ProjectRenamed renamed -> {
                name = renamed.name();
                changes.add(new Change.Notice("the project was renamed to " + renamed.name(), renamed.at()));
                changes.add(new Change.Members());
            }
            case RoomEvent.ProjectDeleted deleted -> {
                changes.add(new Change.Notice("the project was deleted by " + deleted.by().username(), deleted.at()));
                changes.add(new Change.Closed(deleted.by().username() + " deleted " + name));
            }
            case RoomEvent.ProjectCreated created -> {
                // only ever published before anyone can have the room open
            }
        }
    }

    private void role(UserRef user, String role) {
        members.computeIfPresent(key(user.username()), (k, m) -> m.withRole(role));
    }

    private boolean isMe(String username) {
        return me.equalsIgnoreCase(username);
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
