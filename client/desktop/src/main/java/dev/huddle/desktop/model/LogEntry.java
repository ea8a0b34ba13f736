package dev.huddle.desktop.model;

import dev.huddle.contracts.chat.ChatLine;
import dev.huddle.contracts.chat.FileInfo;
import java.time.Instant;

/**
 * One line of a conversation's log: a message ({@code username: message - timestamp}, the seed-004
 * display), possibly sharing a file, or a notice (someone joined, left, was added or removed).
 *
 * @param id   the message id, or -1 for a notice
 * @param mine whether this user wrote it
 * @param file the file the message shares, or null
 */
public record LogEntry(long id, String author, String text, Instant at, boolean notice, boolean mine, FileInfo file) {

    public static LogEntry message(long id, String author, String text, Instant at, boolean mine, FileInfo file) {
        return new LogEntry(id, author, text, at, false, mine, file);
    }

    public static LogEntry notice(String text, Instant at) {
        return new LogEntry(-1, "", text, at, true, false, null);
    }

    /** {@code alice: hi - 2024-10-30T09:15:02.114Z}, or the notice's text. */
    public String line() {
        return notice ? text : ChatLine.format(author, text, at);
    }
}
