package dev.huddle.contracts.chat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * How a chat or direct message is shown to people (seed 004): {@code username: message - timestamp},
 * e.g. {@code alice: Xin chào - 2024-10-30T09:15:02.114Z}. The CLI and the desktop client both use it.
 *
 * <p>The timestamp is the message's ISO-8601 UTC instant exactly as {@link Instant#toString()} writes
 * it, which is how the server sends {@code createdAt}: millisecond precision when the server stores
 * it, shorter when the trailing digits are zero ({@code 2024-10-30T09:15:02Z}). It is not converted to
 * local time, so every viewer and the logs show the same text.
 */
public final class ChatLine {

    private ChatLine() {
    }

    /** {@code username: text - createdAt}. */
    public static String format(String username, String text, Instant createdAt) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        return username + ": " + text + " - " + createdAt;
    }

    /**
     * The line for a message as the server sends it in a {@code chat} or {@code dm} event or a history
     * page: reads {@code username} (or, for a dm, {@code from}), {@code text} and {@code createdAt}.
     *
     * @throws IllegalArgumentException when a field is missing, not a string, or not an instant
     */
    public static String format(JsonObject message) {
        if (message == null) {
            throw new IllegalArgumentException("no message");
        }
        String username = text(message, message.containsKey("username") ? "username" : "from");
        try {
            return format(username, text(message, "text"), Instant.parse(text(message, "createdAt")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("createdAt is not an ISO-8601 instant");
        }
    }

    private static String text(JsonObject message, String field) {
        if (message.getValue(field) instanceof String value) {
            return value;
        }
        throw new IllegalArgumentException(field + " missing or not a string");
    }
}
