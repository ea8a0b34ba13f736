package dev.huddle.client.cli;

import dev.huddle.contracts.chat.Reply;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a chat session prints on stdout, from two threads (the reader's events, the sender's
 * replies), each message once and in an order that reads right: events that arrive while the
 * history loads are held back until it has been printed, our own messages are shown from the
 * {@code OK} that stored them and their echo events skipped, other rooms' events are ignored.
 */
final class RoomScreen {

    private final long projectId;
    private final String me;
    private final PrintStream out;
    private final Consumer<String> ended;
    // all guarded by this
    private final Set<Long> shownMessages = new HashSet<>();
    private final Set<Long> shownDms = new HashSet<>();
    private final List<Reply.Event> heldBack = new ArrayList<>();
    private boolean live;
    private boolean ownJoinSeen;

    /**
     * @param ended told why, when an event ends the session (we were removed, the project is gone)
     */
    RoomScreen(long projectId, String me, PrintStream out, Consumer<String> ended) {
        this.projectId = projectId;
        this.me = me;
        this.out = out;
        this.ended = ended;
    }

    /** Prints the first history page, then whatever was held back; from now on events print at once. */
    synchronized void goLive(JsonObject history) {
        history(history);
        live = true;
        heldBack.forEach(this::show);
        heldBack.clear();
    }

    /** A page from {@code history}, oldest first. */
    synchronized void history(JsonObject page) {
        Display.messages(page).forEach(message -> {
            shownMessages.add(message.getLong("id", -1L));
            out.println(Display.message(message));
        });
    }

    /** A message of ours, from the {@code OK chat} that stored it. */
    synchronized void sent(JsonObject message) {
        showMessage(message);
    }

    /** A direct message of ours, from the {@code OK dm} that stored it. */
    synchronized void sentDm(JsonObject dm, String to) {
        shownDms.add(dm.getLong("id", -1L));
        out.println("[dm to " + Display.name(dm.getValue("to"), to) + "] " + Display.message(dm));
    }

    /** An event from the connection's reader thread. */
    synchronized void event(Reply.Event event) {
        if (live) {
            show(event);
        } else {
            heldBack.add(event);
        }
    }

    private void show(Reply.Event event) {
        JsonObject json = event.json();
        if (json.getValue("projectId") instanceof Number room && room.longValue() != projectId) {
            return;
        }
        switch (event.type()) {
            case "chat" -> showMessage(json);
            case "joined" -> {
                // the room's echo of our own join says nothing new; a second device of ours joining does
                if (!ownJoinSeen && isMe(json.getValue("username"))) {
                    ownJoinSeen = true;
                } else {
                    out.println(Display.event(event));
                }
            }
            case "dm" -> {
                if (shownDms.add(json.getLong("id", -1L))) {
                    out.println(Display.event(event));
                }
            }
            case "member_removed" -> {
                out.println(Display.event(event));
                if (isMe(json.getValue("user"))) {
                    ended.accept("you are no longer a member of project " + projectId);
                }
            }
            case "project_deleted" -> {
                out.println(Display.event(event));
                ended.accept("project " + projectId + " no longer exists");
            }
            default -> out.println(Display.event(event));
        }
    }

    private void showMessage(JsonObject message) {
        if (!(message.getValue("id") instanceof Number id) || shownMessages.add(id.longValue())) {
            out.println(Display.message(message));
        }
    }

    private boolean isMe(Object user) {
        return me.equalsIgnoreCase(Display.name(user, ""));
    }
}
