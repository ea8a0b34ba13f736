package dev.huddle.client.cli;

import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.ChatLine;
import dev.huddle.contracts.chat.DirectMessage;
import dev.huddle.contracts.chat.DmThreadList;
import dev.huddle.contracts.chat.Reply;
import dev.huddle.contracts.chat.RoomMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * How huddle-cli shows what the server sends: messages as {@code username: message - timestamp}
 * ({@code ChatLine}), everything else that happens in a room as a line starting with {@code * }.
 * Lenient: a field missing from an event never fails the display, it is shown as best it can be.
 */
final class Display {

    /** Longest message preview in the thread list, in code points. */
    private static final int PREVIEW = 60;

    private Display() {
    }

    /**
     * A room message or a direct message (event, reply or history item) as
     * {@code username: message - timestamp}, read with the contract's codecs.
     */
    static String message(JsonObject message) {
        try {
            return message.containsKey("from") ? DirectMessage.fromJson(message).line()
                : RoomMessage.fromJson(message).line();
        } catch (HuddleException e) {
            return "* unreadable message " + message.encode();
        }
    }

    /** The messages of a {@code history} or {@code dm_history} result, oldest first. */
    static List<JsonObject> messages(JsonObject page) {
        List<JsonObject> messages = new ArrayList<>();
        if (page.getValue("messages") instanceof JsonArray array) {
            for (Object item : array) {
                if (item instanceof JsonObject message) {
                    messages.add(message);
                }
            }
        }
        return messages;
    }

    /**
     * A {@code dm_threads} answer, one line per conversation, newest first:
     * {@code [bob] alice: psst - 2024-10-30T09:16:00Z} (the peer, then the newest message, cut short).
     */
    static List<String> threads(JsonObject answer) {
        try {
            return DmThreadList.fromJson(answer).threads().stream()
                .map(t -> "[" + t.with().username() + "] " + ChatLine.format(t.last().from().username(),
                    preview(t.last().text()), t.last().createdAt()))
                .toList();
        } catch (HuddleException e) {
            return List.of("* unreadable answer " + answer.encode());
        }
    }

    // one line however long or multi-line the message: the thread list is an overview
    private static String preview(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.codePointCount(0, flat.length()) <= PREVIEW ? flat
            : flat.substring(0, flat.offsetByCodePoints(0, PREVIEW)) + "…";
    }

    /** The line for a room or connection event: presence, membership, project changes, closing. */
    static String event(Reply.Event event) {
        JsonObject json = event.json();
        String user = name(json.getValue("user"), name(json.getValue("username"), "someone"));
        return switch (event.type()) {
            case "chat" -> message(json);
            case "dm" -> "[dm] " + message(json);
            case "joined" -> "* " + user + " joined";
            case "left" -> "* " + user + " left";
            case "here" -> "* already here: " + names(json.getValue("users"));
            case "member_added" -> "* " + user + " was added" + by(json);
            case "member_removed" -> "left".equals(json.getValue("reason"))
                ? "* " + user + " left the project"
                : "* " + user + " was removed" + by(json);
            case "owner_changed" -> "* " + name(json.getValue("newOwner"), "someone") + " is now the owner" + by(json);
            case "project_renamed" -> "* the project was renamed to \"" + json.getValue("name") + "\"" + by(json);
            case "project_deleted" -> "* the project was deleted" + by(json);
            case "closing" -> "* the server is closing the connection: " + json.getValue("reason");
            default -> "* " + event.type() + " " + json.encode();
        };
    }

    /** {@code alice, carol} from a list of users. */
    private static String names(Object users) {
        if (!(users instanceof JsonArray list)) {
            return "nobody";
        }
        return String.join(", ", list.stream().map(u -> name(u, "someone")).toList());
    }

    /** {@code alice (owner), bob} from a {@code members} or {@code join} result. */
    static String memberList(JsonObject result) {
        List<String> names = new ArrayList<>();
        if (result.getValue("members") instanceof JsonArray members) {
            for (Object item : members) {
                if (item instanceof JsonObject member) {
                    String name = name(member, "?");
                    names.add("owner".equals(member.getValue("role")) ? name + " (owner)" : name);
                }
            }
        }
        return String.join(", ", names);
    }

    /** A user as events carry one: a name, or an object with a {@code username}. */
    static String name(Object user, String fallback) {
        if (user instanceof String name) {
            return name;
        }
        if (user instanceof JsonObject object && object.getValue("username") instanceof String name) {
            return name;
        }
        return fallback;
    }

    private static String by(JsonObject json) {
        String by = name(json.getValue("by"), null);
        return by == null ? "" : " by " + by;
    }
}
