package dev.huddle.contracts.chat;

import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.WireJson;
import dev.huddle.contracts.room.RoomEvent;
import dev.huddle.contracts.room.RoomEventJson;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * What chat-service pushes to a connection, typed: the {@code <type>} and {@code <json>} of an
 * {@code EVENT <type> <json>} line, or the {@code event} and {@code data} of a WebSocket event frame
 * ({@code docs/LINE_PROTOCOL.md}, "Events"). Server and clients both go through {@link #decode} and
 * {@link #data()}, and golden fixtures pin the JSON, so the two sides cannot drift.
 *
 * <p>A type this client does not know (file and call events, added by later versions) decodes as
 * {@link Unknown}, never as an error, so an older client keeps working with a newer server.
 */
public sealed interface ServerEvent {

    /** The event's type word, e.g. {@code chat} or {@code member_added}. */
    String type();

    /** The event's JSON, exactly what travels on the wire. */
    JsonObject data();

    /** {@code chat}: a message in a room this connection joined (the sender's own connections too). */
    record Chat(RoomMessage message) implements ServerEvent {
        public String type() {
            return "chat";
        }

        public JsonObject data() {
            return message.toJson();
        }
    }

    /** {@code dm}: a direct message to or from this connection's user. */
    record Dm(DirectMessage message) implements ServerEvent {
        public String type() {
            return "dm";
        }

        public JsonObject data() {
            return message.toJson();
        }
    }

    /** {@code joined}: someone opened the room. */
    record Joined(Presence presence) implements ServerEvent {
        public String type() {
            return "joined";
        }

        public JsonObject data() {
            return presence.toJson();
        }
    }

    /** {@code left}: someone closed the room, or their connection ended. */
    record Left(Presence presence) implements ServerEvent {
        public String type() {
            return "left";
        }

        public JsonObject data() {
            return presence.toJson();
        }
    }

    /**
     * {@code here}: who already had the room open when this user joined it (added after the first
     * version; older clients see it as {@link Unknown}).
     */
    record Here(WhoIsHere here) implements ServerEvent {
        public String type() {
            return "here";
        }

        public JsonObject data() {
            return here.toJson();
        }
    }

    /** A change room-service made to the room ({@code member_added}, {@code member_removed}, ...). */
    record Room(RoomEvent event) implements ServerEvent {
        public String type() {
            return RoomEventJson.type(event);
        }

        public JsonObject data() {
            return RoomEventJson.toJson(event);
        }
    }

    /** {@code closing}: the server is about to close this connection itself, and why. */
    record Closing(String reason) implements ServerEvent {
        public Closing {
            Objects.requireNonNull(reason, "reason");
        }

        public String type() {
            return "closing";
        }

        public JsonObject data() {
            return new JsonObject().put("reason", reason);
        }
    }

    /** {@code call_invite}: someone asks the room to join its call. */
    record Invite(CallInvite invite) implements ServerEvent {
        public String type() {
            return "call_invite";
        }

        public JsonObject data() {
            return invite.toJson();
        }
    }

    /** An event type this version does not know; kept as it came. */
    record Unknown(String type, JsonObject data) implements ServerEvent {
        public Unknown {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * The typed event for a type and its JSON.
     *
     * @throws HuddleException BAD_REQUEST when a known type's JSON is malformed
     */
    static ServerEvent decode(String type, JsonObject data) {
        Objects.requireNonNull(type, "type");
        return switch (type) {
            case "chat" -> new Chat(RoomMessage.fromJson(data));
            case "dm" -> new Dm(DirectMessage.fromJson(data));
            case "joined" -> new Joined(Presence.fromJson(data));
            case "left" -> new Left(Presence.fromJson(data));
            case "here" -> new Here(WhoIsHere.fromJson(data));
            case "closing" -> new Closing(WireJson.text(data, "reason"));
            case "call_invite" -> new Invite(CallInvite.fromJson(data));
            default -> RoomEventJson.isType(type) ? new Room(RoomEventJson.fromJson(data.copy().put("type", type)))
                : new Unknown(type, data == null ? new JsonObject() : data);
        };
    }
}
