package dev.huddle.server.actionlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail every Huddle service keeps: one block per request it received and the response
 * it sent, in one folder per day and one file per action type per day.
 *
 * <pre>{@code
 * <root>/
 * +-- 30_10_2024/
 * |   +-- reg_log_30_10_2024.log
 * |   +-- login_log_30_10_2024.log
 * |   +-- chat_log_30_10_2024.log
 * +-- 31_10_2024/
 *     +-- chat_log_31_10_2024.log
 * }</pre>
 *
 * <p>Each {@link #record record} appends one block to {@code <root>/<DD_MM_YYYY>/<type>_log_<DD_MM_YYYY>.log}:
 * <pre>{@code
 * -------------------------------------------------------
 * ActionName: Register
 * ActionType: reg
 * User: anonymous
 * MessageRequest: reg alice ********
 * MessageResponse: OK reg {"id":1,"username":"alice","role":"user"}
 * Timestamp: 2024-10-30T09:15:02.114Z
 * -------------------------------------------------------
 * }</pre>
 * Lines end with {@code \n} on every platform. Before writing, request and response pass through
 * {@link SecretMasker#mask}, and a control or line-separator character inside any value is written
 * as an escape ({@code \n}, {@code \t}, U+2028...), so a client cannot forge or split a
 * block or put raw control bytes in a file.
 *
 * <p><b>Time.</b> The day in the folder and file name and the {@code Timestamp} line both come
 * from the injected clock and are both in UTC: a block's folder is the UTC date of its timestamp,
 * whatever the server's time zone, so one instant always lands in one place, files never change
 * day with daylight saving, and services in different zones agree. The timestamp is ISO-8601 with
 * exactly three fraction digits.
 *
 * <p><b>Threads.</b> {@code record} may be called from any thread, event loops included: it only
 * formats the block and queues it; a single background thread does the file I/O. It waits only
 * if thousands of blocks are already queued, because a block is never dropped to save time.
 * After {@link #close()} returns, every block recorded before it is on disk.
 *
 * <p>Built on Logback with its own logger context, so the action log is unaffected by the
 * service's diagnostic logging configuration.
 */
public final class ActionLog implements AutoCloseable {

    private static final Logger DIAGNOSTICS = LoggerFactory.getLogger(ActionLog.class);

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("dd_MM_uuuu", Locale.ROOT).withZone(ZoneOffset.UTC);
    // Literal fraction digits: ISO_INSTANT would drop them when they are zero.
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final String BLOCK = """
            -------------------------------------------------------
            ActionName: %s
            ActionType: %s
            User: %s
            MessageRequest: %s
            MessageResponse: %s
            Timestamp: %s
            -------------------------------------------------------
            """;

    private static final String ANONYMOUS = "anonymous";
    private static final String UNKNOWN_TYPE = "unknown";
    private static final int MAX_TYPE_LENGTH = 40;

    private final LogbackPipeline pipeline;
    private final Clock clock;
    // Records share the read side; close takes the write side, so no block can slip into the
    // queue after its worker has drained it.
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private ActionLog(LogbackPipeline pipeline, Clock clock) {
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /**
     * Opens the action log under {@code root}, creating the folder if needed.
     *
     * @param root  the folder holding the day folders, e.g. {@code log}
     * @param clock the source of block timestamps and of the day; UTC is used whatever its zone
     * @return a log ready to record; close it on shutdown
     * @throws UncheckedIOException  if {@code root} cannot be created
     * @throws IllegalStateException if Logback cannot be set up
     */
    public static ActionLog open(Path root, Clock clock) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(clock, "clock");
        Path folder = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("action log: cannot create " + folder, e);
        }
        return new ActionLog(LogbackPipeline.start(folder), clock);
    }

    /**
     * Records one request and the response sent to it.
     *
     * <p>Secrets in {@code request} and {@code response} are masked. Once {@link #close()} has
     * begun, the block is dropped with a warning in the service's log, as there is nowhere left to
     * write it.
     *
     * @param actionType the command word or route name; reduced to {@code [a-z0-9_]}, at most 40
     *                   characters ({@code "unknown"} if empty or {@code null}), so it is always a safe
     *                   file name
     * @param user       who sent the request; {@code null} or blank means {@code anonymous}
     * @param request    the request as received; {@code null} is written as empty
     * @param response   the response as sent; {@code null} is written as empty
     */
    public void record(String actionType, String user, String request, String response) {
        Instant now = clock.instant();
        String type = safeActionType(actionType);
        String day = DAY.format(now);
        String block = BLOCK.formatted(
                ActionNames.of(type),
                type,
                user == null || user.isBlank() ? ANONYMOUS : oneLine(user),
                oneLine(SecretMasker.mask(request)),
                oneLine(SecretMasker.mask(response)),
                TIMESTAMP.format(now));
        String route = day + "/" + type + "_log_" + day;

        Lock shared = lifecycle.readLock();
        // Fails only while close() holds the write lock: the log is going away either way, and
        // an event loop must not wait for the queue to drain.
        if (!shared.tryLock()) {
            dropped(type);
            return;
        }
        try {
            if (closed) {
                dropped(type);
                return;
            }
            pipeline.write(route, block);
        } finally {
            shared.unlock();
        }
    }

    /**
     * Writes every recorded block to disk, closes the files and stops the Logback context.
     * Waits for the queue to drain; calling it again does nothing.
     */
    @Override
    public void close() {
        Lock exclusive = lifecycle.writeLock();
        exclusive.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            pipeline.stop();
        } finally {
            exclusive.unlock();
        }
    }

    /** Reduces an action type to a file-name-safe word: lower-case {@code [a-z0-9_]}, 1 to 40 chars. */
    static String safeActionType(String actionType) {
        if (actionType == null || actionType.isEmpty()) {
            return UNKNOWN_TYPE;
        }
        String lower = actionType.toLowerCase(Locale.ROOT);
        StringBuilder safe = new StringBuilder(Math.min(lower.length(), MAX_TYPE_LENGTH));
        for (int i = 0; i < lower.length() && safe.length() < MAX_TYPE_LENGTH; i++) {
            char c = lower.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            safe.append(allowed ? c : '_');
        }
        return safe.toString();
    }

    private static void dropped(String type) {
        DIAGNOSTICS.warn("action log closed; dropped a {} block", type);
    }

    /**
     * The value with every control character (C0, DEL, C1) and every line or paragraph separator
     * written as an escape ({@code \\n}, {@code \\r}, {@code \\t}, else {@code \\u00XX}), so
     * nothing a client sends can split a block, forge one, or put raw control bytes in a file.
     */
    static String oneLine(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean escape = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (!escape) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return out == null ? value : out.toString();
    }
}
