package dev.huddle.contracts.chat;

import dev.huddle.contracts.ErrorCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One line the server sends on the line protocol, as a client reads it with
 * {@link LineReply#parse(String)}: the answer to a command ({@link Ok} or {@link Err}), a pushed
 * {@link Event}, or {@link Ready}: the go-ahead to send a file's raw bytes after {@code upload}.
 */
public sealed interface Reply {

    /** {@code OK <command> <json>}: {@code json} is a {@link JsonObject} or a {@link JsonArray}. */
    record Ok(String command, Object json) implements Reply {
        public Ok {
            Objects.requireNonNull(command, "command");
            if (!(json instanceof JsonObject) && !(json instanceof JsonArray)) {
                throw new IllegalArgumentException("an OK reply carries a JSON object or array");
            }
        }

        /**
         * The result as an object.
         *
         * @throws IllegalStateException if it is an array
         */
        public JsonObject object() {
            if (json instanceof JsonObject object) {
                return object;
            }
            throw new IllegalStateException("OK " + command + " carries an array");
        }

        /**
         * The result as an array.
         *
         * @throws IllegalStateException if it is an object
         */
        public JsonArray array() {
            if (json instanceof JsonArray array) {
                return array;
            }
            throw new IllegalStateException("OK " + command + " carries an object");
        }
    }

    /**
     * {@code ERR <command> <CODE> <message>}. A code this client does not know reads as
     * {@link ErrorCode#INTERNAL} ({@link ErrorCode#fromName}), so newer servers never break it.
     */
    record Err(String command, ErrorCode code, String message) implements Reply {
        public Err {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /** {@code EVENT <type> <json object>}: something happened that this connection subscribed to. */
    record Event(String type, JsonObject json) implements Reply {
        public Event {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(json, "json");
        }
    }

    /**
     * {@code READY <command> <json object>}: an {@code upload} was accepted; the client now sends
     * exactly the declared number of raw bytes, and the command's OK or ERR follows them.
     */
    record Ready(String command, JsonObject json) implements Reply {
        public Ready {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(json, "json");
        }
    }
}
