package dev.huddle.chat.file;

import dev.huddle.server.runtime.ServiceRuntime;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what unfinished uploads leave behind: an upload idle for longer than
 * {@code HUDDLE_FILES_INCOMPLETE_TTL} loses its bytes and its row (and so its quota reservation); a
 * finished tus upload's row (kept so HEAD can name the file) goes too, its bytes being the file's now.
 * Bytes in the store that no row owns, older than the TTL (a crash between writing them and
 * recording them), are removed as well. Every instance runs it; removals are idempotent.
 */
public final class UploadJanitor {

    private static final Logger LOG = LoggerFactory.getLogger(UploadJanitor.class);

    /** What one sweep removed. */
    public record Sweep(int uploads, int leftovers) {
    }

    private final ServiceRuntime runtime;
    private final FileService files;
    private final FileStore store;
    private final FileTransfers transfers;

    public UploadJanitor(ServiceRuntime runtime, FileService files, FileStore store, FileTransfers transfers) {
        this.runtime = runtime;
        this.files = files;
        this.store = store;
        this.transfers = transfers;
    }

    /** Sweeps now and then every half TTL (at most every 10 minutes); returns the timer id. */
    public long start(Duration ttl) {
        long every = Math.max(1_000, Math.min(ttl.toMillis() / 2, Duration.ofMinutes(10).toMillis()));
        sweep();
        return runtime.vertx().setPeriodic(every, id -> sweep());
    }

    public Future<Sweep> sweep() {
        return runtime.blocking(files::expiredUploads)
            .compose(expired -> {
                List<Future<Void>> removals = new ArrayList<>();
                for (PendingUpload upload : expired) {
                    removals.add(upload.complete()
                        ? runtime.blocking(() -> {
                            files.abandon(upload.id());
                            return null;
                        })
                        : transfers.discard(upload));
                }
                return Future.join(removals).map(expired.size());
            })
            .compose(uploads -> leftovers(FileStore.Area.PARTS).compose(parts -> leftovers(FileStore.Area.STORED)
                .compose(stored -> leftovers(FileStore.Area.LOCKS).map(locks -> new Sweep(uploads, parts + stored)))))
            .onSuccess(sweep -> {
                if (sweep.uploads() + sweep.leftovers() > 0) {
                    LOG.info("janitor removed {} stale uploads and {} leftover files", sweep.uploads(), sweep.leftovers());
                }
            })
            .onFailure(error -> LOG.warn("janitor sweep failed", error));
    }

    private Future<Integer> leftovers(FileStore.Area area) {
        return store.keysOlderThan(area, files.leftoverCutoff())
            .compose(keys -> runtime.blocking(() -> keys.stream().filter(key -> !files.keyInUse(key)).toList()))
            .compose(orphans -> Future.join(orphans.stream().map(store::delete).toList()).map(orphans.size()));
    }
}
