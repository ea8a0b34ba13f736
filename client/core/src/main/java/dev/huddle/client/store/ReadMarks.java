package dev.huddle.client.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How far a user has read each conversation, kept on this machine so unread counts survive a restart:
 * the newest message id seen per conversation key ({@code project.7}, {@code dm.bob}), in one
 * properties file per user and server ({@link #in}). A message is unread when its id is above its
 * conversation's mark and someone else wrote it. Written whole and moved into place, so a crash
 * never leaves half a file; a file that cannot be read or written costs the counts, never the session.
 * Writes go to {@code writer} (a screen passes a background thread, so marking read never waits on
 * the disk), coalesced: however many marks move meanwhile, one write takes the latest; {@link #flush}
 * writes now.
 */
public final class ReadMarks {

    private final Path file;
    private final Executor writer;
    private final Map<String, Long> marks = new TreeMap<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Object writing = new Object();

    /** Marks written on the calling thread. */
    public ReadMarks(Path file) {
        this(file, Runnable::run);
    }

    public ReadMarks(Path file, Executor writer) {
        this.file = file;
        this.writer = writer;
        Properties saved = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            saved.load(in);
        } catch (IOException e) {
            // never read anything here yet
        }
        saved.forEach((key, value) -> {
            try {
                marks.put((String) key, Long.parseLong((String) value));
            } catch (NumberFormatException e) {
                // a damaged line: that conversation counts from the start again
            }
        });
    }

    /** The marks of {@code username} on {@code server} ({@code 127.0.0.1:8081}), in {@code dir}. */
    public static ReadMarks in(Path dir, String server, String username) {
        return in(dir, server, username, Runnable::run);
    }

    public static ReadMarks in(Path dir, String server, String username, Executor writer) {
        String name = (username + "@" + server).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9@._-]", "_");
        return new ReadMarks(dir.resolve(name + ".properties"), writer);
    }

    /** The newest message id read in a conversation, 0 when nothing was. */
    public synchronized long get(String conversation) {
        return marks.getOrDefault(conversation, 0L);
    }

    /** The conversations with a mark, e.g. to list the direct-message threads read before. */
    public synchronized Map<String, Long> all() {
        return Map.copyOf(marks);
    }

    /** Marks a conversation read up to {@code messageId}; a mark never moves back. */
    public synchronized void read(String conversation, long messageId) {
        if (messageId > get(conversation) || !marks.containsKey(conversation)) {
            marks.put(conversation, Math.max(messageId, get(conversation)));
            save();
        }
    }

    /** Writes what is pending now (the screen closes). */
    public void flush() {
        if (pending.getAndSet(false)) {
            write();
        }
    }

    /** Forgets a conversation (left the project). */
    public synchronized void forget(String conversation) {
        if (marks.remove(conversation) != null) {
            save();
        }
    }

    private void save() {
        if (pending.compareAndSet(false, true)) {
            writer.execute(this::flush);
        }
    }

    // snapshot and write under one lock: a later snapshot is never overwritten by an earlier one
    private void write() {
        synchronized (writing) {
            Properties out = new Properties();
            synchronized (this) {
                marks.forEach((key, value) -> out.setProperty(key, Long.toString(value)));
            }
            store(out);
        }
    }

    private void store(Properties out) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".read", ".tmp");
            try {
                try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    out.store(writer, "Huddle: the newest message read per conversation");
                }
                move(temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | UncheckedIOException e) {
            // not remembered this time
        }
    }

    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
