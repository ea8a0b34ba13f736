package dev.huddle.chat.file;

import dev.huddle.server.config.Env;
import dev.huddle.server.config.Setting;
import java.time.Duration;
import java.util.List;

/**
 * chat-service's file settings.
 *
 * @param maxBytes      the largest file accepted; larger ones are refused TOO_LARGE before a byte moves
 * @param quotaBytes    what one user may have stored, finished files and unfinished uploads together
 * @param incompleteTtl how long an unfinished upload may sit idle before the janitor removes it
 * @param stallTimeout  how long an upload may go without receiving a byte while its request or raw
 *                      bytes are expected: the HTTP connection is then closed (the upload stays
 *                      resumable), a line-protocol upload is refused SIZE_MISMATCH
 */
public record FileConfig(long maxBytes, long quotaBytes, Duration incompleteTtl, Duration stallTimeout) {

    public static final Setting<Long> MAX_BYTES = Setting.bytes("HUDDLE_FILES_MAX_BYTES", 25L * 1024 * 1024, 0,
        "Largest file accepted (25 MiB); larger ones are refused TOO_LARGE before any byte is read.");
    public static final Setting<Long> QUOTA_BYTES = Setting.bytes("HUDDLE_FILES_QUOTA_BYTES", 1024L * 1024 * 1024, 0,
        "Bytes one user may have stored, finished files and unfinished uploads together; beyond it: QUOTA_EXCEEDED.");
    public static final Setting<Duration> INCOMPLETE_TTL = Setting.duration("HUDDLE_FILES_INCOMPLETE_TTL", "24h",
        "An unfinished upload idle for this long is removed (bytes and reservation) by the janitor.");
    public static final Setting<Duration> STALL_TIMEOUT = Setting.duration("HUDDLE_FILES_STALL_TIMEOUT", "30s",
        "An upload receiving no byte for this long is cut: over HTTP it stays resumable, on the line protocol it is SIZE_MISMATCH.");

    public static final List<Setting<?>> SETTINGS = List.of(MAX_BYTES, QUOTA_BYTES, INCOMPLETE_TTL, STALL_TIMEOUT);

    public static FileConfig read(Env env) {
        return new FileConfig(MAX_BYTES.read(env), QUOTA_BYTES.read(env), INCOMPLETE_TTL.read(env),
            STALL_TIMEOUT.read(env));
    }
}
