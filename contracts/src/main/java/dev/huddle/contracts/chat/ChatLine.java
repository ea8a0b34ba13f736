package dev.huddle.contracts.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * How a chat or direct message is shown to people (seed 004): {@code username: message - timestamp},
 * e.g. {@code alice: Xin chào - 2024-10-30T09:15:02.114Z}. The CLI and the desktop client both use it,
 * through {@link RoomMessage#line()} and {@link DirectMessage#line()}.
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
}
