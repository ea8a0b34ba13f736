package dev.huddle.desktop.model;

import dev.huddle.contracts.chat.DirectMessage;
import dev.huddle.contracts.chat.FileInfo;
import dev.huddle.contracts.chat.RoomMessage;
import java.text.BreakIterator;
import java.time.Instant;

/**
 * The newest message of a conversation summed up in one line for the side bar, Slack-like:
 * {@code You: } before my own, the sender's name before someone else's in a room (a direct thread
 * is with one person, so no name there), a shared file as its name (the view adds a file icon), a
 * text on one line and cut with an ellipsis after {@link #MAX_CHARACTERS} characters as people
 * count them (an emoji or an accented letter is one, never split).
 *
 * @param id   the message's id: a newer message has a greater one
 * @param at   when it was sent, for {@link RelativeTime}
 * @param text what the line shows
 * @param file whether the message shares a file
 */
public record MessagePreview(long id, Instant at, String text, boolean file) {

    /** The longest preview, in user-perceived characters, before the ellipsis. */
    static final int MAX_CHARACTERS = 60;
    static final String ELLIPSIS = "…";

    /** A room's message seen by {@code me}: named by its sender. */
    static MessagePreview of(RoomMessage m, String me) {
        return of(m.id(), m.createdAt(), m.username(), m.username().equalsIgnoreCase(me), true, m.text(), m.file());
    }

    /** A direct message seen by {@code me}: only mine are marked, the thread names the other. */
    static MessagePreview of(DirectMessage m, String me) {
        return of(m.id(), m.createdAt(), m.from().username(), m.from().username().equalsIgnoreCase(me), false,
            m.text(), m.file());
    }

    /**
     * @param author the sender, named before the text when {@code named} and it is not {@code mine}
     * @param file   the shared file, or null for a plain message
     */
    static MessagePreview of(long id, Instant at, String author, boolean mine, boolean named, String text,
                             FileInfo file) {
        String prefix = mine ? "You: " : named ? author + ": " : "";
        String body = file != null ? file.name() : text;
        return new MessagePreview(id, at, cut(prefix + oneLine(body)), file != null);
    }

    /** Every run of white space (line breaks included) becomes one space. */
    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** At most {@link #MAX_CHARACTERS} characters (grapheme clusters), then an ellipsis. */
    static String cut(String text) {
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText(text);
        int end = 0;
        for (int i = 0; i < MAX_CHARACTERS; i++) {
            int next = characters.next();
            if (next == BreakIterator.DONE) {
                return text;
            }
            end = next;
        }
        return end == text.length() ? text : text.substring(0, end).stripTrailing() + ELLIPSIS;
    }
}
