package dev.huddle.chat.file;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.AsyncFileLock;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.streams.WriteStream;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link FileStore} in a directory of this host, through Vert.x's asynchronous file system (so
 * the disk is worked on worker threads, never an event loop):
 * <pre>
 * &lt;root&gt;/parts/&lt;key&gt;    uploads in progress, appended to
 * &lt;root&gt;/stored/&lt;key&gt;   complete, checked files, renamed from parts/ in one step
 * &lt;root&gt;/locks/&lt;key&gt;    empty files whose OS lock (fcntl) is an upload's lock across processes
 * </pre>
 * Several chat-service instances on one host point at the same root (they share the data
 * directory), so any of them finishes an upload another began and serves files another stored.
 * Both folders sit on one file system, so the commit is an atomic rename.
 */
public final class LocalDirectoryStore implements FileStore {

    private static final int READ_BUFFER = 64 * 1024;

    private final FileSystem fs;
    private final Path parts;
    private final Path stored;
    private final Path locks;
    private final Vertx vertx;

    private LocalDirectoryStore(Vertx vertx, Path root) {
        this.vertx = vertx;
        this.fs = vertx.fileSystem();
        this.parts = root.resolve("parts");
        this.stored = root.resolve("stored");
        this.locks = root.resolve("locks");
    }

    /** The store under {@code root}, its folders created if missing. */
    public static Future<LocalDirectoryStore> open(Vertx vertx, Path root) {
        LocalDirectoryStore store = new LocalDirectoryStore(vertx, root);
        return store.fs.mkdirs(store.parts.toString())
            .compose(v -> store.fs.mkdirs(store.stored.toString()))
            .compose(v -> store.fs.mkdirs(store.locks.toString()))
            .map(store);
    }

    @Override
    public Future<WriteStream<Buffer>> appendToPart(String key) {
        return fs.open(part(key), new OpenOptions().setRead(false).setWrite(true).setCreate(true))
            .compose(file -> file.size().map(size -> (WriteStream<Buffer>) new PartWriter(file.setWritePos(size))));
    }

    @Override
    public Future<Long> partSize(String key) {
        String path = part(key);
        return fs.exists(path).compose(exists -> exists ? fs.props(path).map(p -> p.size()) : Future.succeededFuture(0L));
    }

    @Override
    public Future<Void> truncatePart(String key, long size) {
        return fs.truncate(part(key), size);
    }

    @Override
    public Future<StoreStream> readPart(String key, long offset, long length) {
        return open(part(key), offset, length);
    }

    @Override
    public Future<Void> commitPart(String key) {
        // the lock goes with the part: whoever waits on it finds the upload complete once it gets it
        return fs.move(part(key), stored(key)).compose(v -> deleteIfExists(lockFile(key)));
    }

    @Override
    public Future<StoreStream> read(String key, long offset, long length) {
        return open(stored(key), offset, length);
    }

    @Override
    public Optional<Path> localFile(String key) {
        return Optional.of(Path.of(stored(key)));
    }

    @Override
    public Future<Void> delete(String key) {
        return Future.join(deleteIfExists(part(key)), deleteIfExists(stored(key)), deleteIfExists(lockFile(key)))
            .mapEmpty();
    }

    /**
     * {@code tryLock} on the key's lock file, again every 25 ms until {@code wait} has passed. The OS
     * lock keeps out other processes; a second instance in this JVM meets an
     * {@link OverlappingFileLockException} instead, which means the same.
     */
    @Override
    public Future<Lock> lock(String key, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        return fs.open(lockFile(key), new OpenOptions().setRead(false).setWrite(true).setCreate(true))
            .compose(file -> {
                Promise<Lock> locked = Promise.promise();
                tryLock(file, deadline, locked);
                return locked.future().onFailure(e -> file.close());
            });
    }

    private void tryLock(AsyncFile file, long deadline, Promise<Lock> locked) {
        AsyncFileLock lock;
        try {
            lock = file.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            lock = null;
        }
        if (lock != null) {
            AsyncFileLock held = lock;
            locked.complete(() -> held.release().eventually(file::close));
        } else if (System.nanoTime() > deadline) {
            locked.fail(new HuddleException(ErrorCode.CONFLICT,
                "the upload is being written by another request; try again"));
        } else {
            vertx.setTimer(25, id -> tryLock(file, deadline, locked));
        }
    }

    @Override
    public Future<List<String>> keysOlderThan(Area area, Instant before) {
        Path dir = switch (area) {
            case PARTS -> parts;
            case STORED -> stored;
            case LOCKS -> locks;
        };
        return fs.readDir(dir.toString()).compose(paths -> {
            List<Future<String>> checks = new ArrayList<>();
            for (String path : paths) {
                String key = Path.of(path).getFileName().toString();
                if (FileStore.isKey(key)) {
                    checks.add(fs.props(path)
                        .map(p -> p.lastModifiedTime() < before.toEpochMilli() ? key : null)
                        .otherwise((String) null)); // gone meanwhile: nothing to sweep
                }
            }
            return Future.all(checks).map(all -> {
                List<String> old = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    if (all.resultAt(i) != null) {
                        old.add(all.resultAt(i));
                    }
                }
                return old;
            });
        });
    }

    private Future<StoreStream> open(String path, long offset, long length) {
        return fs.open(path, new OpenOptions().setRead(true).setWrite(false).setCreate(false))
            .map(file -> new StoreStream(file.setReadBufferSize(READ_BUFFER).setReadPos(offset).setReadLength(length)));
    }

    private Future<Void> deleteIfExists(String path) {
        return fs.exists(path).compose(exists -> exists ? fs.delete(path) : Future.succeededFuture());
    }

    private String part(String key) {
        return parts.resolve(checked(key)).toString();
    }

    private String lockFile(String key) {
        return locks.resolve(checked(key)).toString();
    }

    private String stored(String key) {
        return stored.resolve(checked(key)).toString();
    }

    // Keys are generated here, never taken from a client; checking again costs nothing and keeps a
    // bug elsewhere from turning into a path outside the store.
    private static String checked(String key) {
        if (!FileStore.isKey(key)) {
            throw new IllegalArgumentException("not a store key: " + key);
        }
        return key;
    }
}
