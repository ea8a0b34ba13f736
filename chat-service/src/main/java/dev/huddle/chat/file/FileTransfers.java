package dev.huddle.chat.file;

import dev.huddle.chat.Neighbours;
import dev.huddle.chat.message.ChatMessage;
import dev.huddle.chat.message.DirectMessage;
import dev.huddle.chat.session.OutboundEvent;
import dev.huddle.chat.session.ThenBytes;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.FileTarget;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.runtime.ServiceRuntime;
import dev.huddle.server.token.Principal;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * File transfers as both front doors use them (tus over HTTP, the line protocol): declare, append
 * bytes, finish (check, store, announce), discard; open a file for reading; list; remove. Blocking
 * work runs on the service's workers, bytes move through the {@link FileStore} without an event loop
 * ever waiting on the disk, and what the rules decide is in {@link FileService} and {@link FilePolicy}.
 *
 * <p>Requests on one upload are carried out one after another: on this instance in order, and
 * across the instances sharing the store under the store's lock, so a resumed PATCH waits until the
 * cut one it replaces has let go of the part, wherever that one ran. Under the lock the upload is
 * read again, since another request may have finished or removed it meanwhile. The file's SHA-256
 * is kept between requests so bytes are hashed once.
 */
public final class FileTransfers {

    /** A tus {@code Upload-Checksum}: the algorithm's digest and the expected value for one request's bytes. */
    public record ChunkChecksum(String algorithm, byte[] expected) {
    }

    private final ServiceRuntime runtime;
    private final FileService files;
    private final FileStore store;
    private final Neighbours neighbours;
    private final FileConfig config;
    private final Map<String, RunningHash> hashes = new ConcurrentHashMap<>();
    private final Map<String, Future<?>> busy = new HashMap<>();

    public FileTransfers(ServiceRuntime runtime, FileService files, FileStore store, Neighbours neighbours,
                         FileConfig config) {
        this.runtime = runtime;
        this.files = files;
        this.store = store;
        this.neighbours = neighbours;
        this.config = config;
    }

    public FileConfig config() {
        return config;
    }

    /**
     * Checks everything that can be checked before a byte moves (the caller may send to the target,
     * the size, the quota) and reserves the upload.
     *
     * @throws HuddleException (failed future) NOT_MEMBER, NOT_FOUND, UNKNOWN_USER, TOO_LARGE, QUOTA_EXCEEDED
     */
    public Future<PendingUpload> declare(Principal caller, FileTarget target, String name, long size, String sha256,
                                         boolean resumable) {
        return place(caller, target)
            .compose(destination -> runtime.blocking(() -> files.declare(caller, destination, name, size, sha256,
                resumable)))
            .compose(upload -> store.appendToPart(upload.storageKey()).compose(part -> part.end()).map(upload)
                .recover(e -> drop(upload).transform(x -> Future.failedFuture(e))));
    }

    /** The caller's own upload (tus requests name it by id). */
    public Future<PendingUpload> upload(Principal caller, String uploadId) {
        if (!FileStore.isKey(uploadId)) {
            return Future.failedFuture(new HuddleException(ErrorCode.NOT_FOUND, "no upload " + uploadId));
        }
        return runtime.blocking(() -> files.upload(uploadId, caller));
    }

    /** Bytes the upload's part holds: the tus offset. */
    public Future<Long> offset(PendingUpload upload) {
        return exclusive(upload, current -> current.complete() ? Future.succeededFuture(current.size())
            : store.partSize(current.storageKey()));
    }

    /**
     * Appends {@code body} to the upload, which must be at {@code offset}; completes with the new
     * offset. With a {@code checksum}, the request's bytes are taken back unless they match it.
     *
     * @throws HuddleException (failed future) CONFLICT for a wrong offset, SIZE_MISMATCH past the
     *                         declared size or for a stalled sender, CHECKSUM_MISMATCH
     */
    public Future<Long> append(PendingUpload pending, long offset, ReadStream<Buffer> body, ChunkChecksum checksum) {
        return exclusive(pending, upload -> upload.complete()
            ? Future.failedFuture(new HuddleException(ErrorCode.CONFLICT, "upload " + upload.id() + " is complete"))
            : store.partSize(upload.storageKey()).compose(size -> {
            if (size != offset) {
                return Future.failedFuture(new HuddleException(ErrorCode.CONFLICT,
                    "upload " + upload.id() + " is at offset " + size + ", not " + offset));
            }
            return hashOf(upload, size).compose(hash -> receive(upload, offset, body, hash, checksum));
        }));
    }

    /**
     * Finishes an upload whose bytes have all arrived: the SHA-256 must be the declared one, then the
     * type is read from the bytes, the part becomes a stored file, and the file and its message are
     * committed together and announced. A mismatch leaves nothing: no part, no row, no message.
     */
    public Future<StoredFile> finish(PendingUpload pending) {
        return exclusive(pending, upload -> store.partSize(upload.storageKey()).compose(size -> {
            if (size != upload.size()) {
                return Future.failedFuture(new HuddleException(ErrorCode.SIZE_MISMATCH,
                    "received " + size + " of " + upload.size() + " bytes"));
            }
            return hashOf(upload, size);
        }).compose(hash -> {
            hashes.remove(upload.id());
            String actual = hash.hex();
            if (!actual.equals(upload.sha256())) {
                return drop(upload).compose(v -> Future.failedFuture(new HuddleException(ErrorCode.CHECKSUM_MISMATCH,
                    "the bytes' SHA-256 is " + actual + ", not the declared " + upload.sha256())));
            }
            return contentType(upload).compose(type -> store.commitPart(upload.storageKey())
                .compose(v -> runtime.blocking(() -> files.complete(upload, type))
                    .recover(e -> store.delete(upload.storageKey()).transform(x -> Future.failedFuture(e)))));
        }).map(announcement -> {
            announce(announcement);
            return announcement.file();
        }));
    }

    /** Gives up an upload: its bytes and its row (and with it the quota it reserved) go. */
    public Future<Void> discard(PendingUpload upload) {
        return exclusive(upload, this::drop);
    }

    /** A file the caller may download. */
    public Future<StoredFile> readable(Principal caller, long fileId) {
        return runtime.blocking(() -> files.file(fileId))
            .compose(file -> standing(caller, file).map(standing -> {
                FilePolicy.requireReader(caller, file, standing);
                return file;
            }));
    }

    /**
     * {@code length} bytes of a stored file from {@code offset}: a region of a local file when the
     * store has one (sent by the kernel), else a stream that the reader closes if it stops early.
     */
    public Future<ThenBytes.Source> open(StoredFile file, long offset, long length) {
        return store.localFile(file.storageKey())
            .<Future<ThenBytes.Source>>map(path -> Future.succeededFuture(new ThenBytes.LocalFile(path, offset, length)))
            .orElseGet(() -> store.read(file.storageKey(), offset, length)
                .map(stream -> new ThenBytes.Streamed(stream, stream::close)));
    }

    /** {@code {"files":[...], "hasMore":bool, "target":"7"|"@bob"}}, newest first. */
    public Future<JsonObject> list(Principal caller, FileTarget target, Integer limit, Long beforeId) {
        return place(caller, target)
            .compose(place -> runtime.blocking(() -> files.list(caller, place, limit, beforeId)))
            .map(page -> new JsonObject()
                .put("files", new JsonArray(page.items().stream().map(StoredFile::toJson).toList()))
                .put("hasMore", page.hasMore()).put("target", target.toString()));
    }

    /**
     * Removes a file (uploader, room owner, admin): its row, its bytes, and its message says it was
     * removed; the room (or both parties of a conversation) hear {@code file_deleted}.
     */
    public Future<JsonObject> remove(Principal caller, long fileId) {
        return runtime.blocking(() -> files.file(fileId))
            .compose(file -> standing(caller, file).map(standing -> {
                FilePolicy.requireRemover(caller, file, standing);
                return file;
            }))
            .compose(file -> runtime.blocking(() -> files.remove(file, caller)))
            .compose(removal -> store.delete(removal.file().storageKey()).map(removal))
            .map(removal -> {
                JsonObject event = deletedEvent(removal, caller);
                publishAbout(removal.file(), "file_deleted", event, true);
                return event;
            });
    }

    // A request's bytes are kept when they end or are cut off (tus resumes from there), and taken
    // back when they break a rule: more than declared, or not matching the request's checksum.
    private Future<Long> receive(PendingUpload upload, long offset, ReadStream<Buffer> body, RunningHash hash,
                                 ChunkChecksum checksum) {
        RunningHash before = hash.snapshot();
        MessageDigest chunk = checksum == null ? null : RunningHash.newDigest(checksum.algorithm());
        List<UploadIntake.Digesting> digests = new ArrayList<>();
        digests.add(hash::update);
        if (chunk != null) {
            digests.add(UploadIntake.Digesting.of(chunk));
        }
        hashes.put(upload.id(), hash);
        return store.appendToPart(upload.storageKey())
            .compose(part -> UploadIntake.run(runtime.vertx(), body, part, upload.size() - offset, digests,
                config.stallTimeout()))
            .recover(error -> overflow(error)
                ? rollback(upload, offset, before).compose(v -> Future.failedFuture(error))
                : Future.failedFuture(error))
            .compose(taken -> {
                if (chunk != null && !MessageDigest.isEqual(chunk.digest(), checksum.expected())) {
                    return rollback(upload, offset, before).compose(v -> Future.failedFuture(
                        new HuddleException(ErrorCode.CHECKSUM_MISMATCH, "the request's bytes do not match its "
                            + checksum.algorithm() + " Upload-Checksum; they were not kept")));
                }
                return Future.succeededFuture(offset + taken);
            })
            .eventually(() -> settle(upload, hash));
    }

    private static boolean overflow(Throwable error) {
        return error instanceof HuddleException refusal && refusal.code() == ErrorCode.SIZE_MISMATCH
            && !(error instanceof UploadStalled);
    }

    private Future<Void> rollback(PendingUpload upload, long offset, RunningHash before) {
        hashes.put(upload.id(), before);
        return store.truncatePart(upload.storageKey(), offset);
    }

    // After a request, ended or cut: keep the hash only if it covers exactly what is on disk, and
    // push the janitor's deadline back.
    private Future<Void> settle(PendingUpload upload, RunningHash hash) {
        return store.partSize(upload.storageKey())
            .map(size -> {
                if (hashes.get(upload.id()) == hash && hash.bytes() != size) {
                    hashes.remove(upload.id());
                }
                return size;
            })
            .compose(size -> runtime.blocking(() -> {
                files.touch(upload.id());
                return null;
            }))
            .otherwiseEmpty()
            .mapEmpty();
    }

    /** The upload's running hash, recomputed from the part when this instance's does not match it. */
    private Future<RunningHash> hashOf(PendingUpload upload, long partSize) {
        RunningHash known = hashes.get(upload.id());
        if (known != null && known.bytes() == partSize) {
            return Future.succeededFuture(known);
        }
        RunningHash hash = RunningHash.start();
        if (partSize == 0) {
            return Future.succeededFuture(hash);
        }
        return store.readPart(upload.storageKey(), 0, partSize)
            .compose(stream -> consume(stream, bytes -> hash.update(bytes)))
            .map(hash);
    }

    private Future<String> contentType(PendingUpload upload) {
        if (upload.size() == 0) {
            return Future.succeededFuture(ContentSniffer.detect(new byte[0]));
        }
        Buffer head = Buffer.buffer();
        return store.readPart(upload.storageKey(), 0, Math.min(upload.size(), ContentSniffer.HEAD_BYTES))
            .compose(stream -> consume(stream, head::appendBytes))
            .map(v -> ContentSniffer.detect(head.getBytes()));
    }

    private static Future<Void> consume(StoreStream stream, java.util.function.Consumer<byte[]> sink) {
        Promise<Void> done = Promise.promise();
        stream.exceptionHandler(done::tryFail);
        stream.endHandler(v -> done.tryComplete());
        stream.handler(buffer -> sink.accept(buffer.getBytes()));
        return done.future();
    }

    private Future<Void> drop(PendingUpload upload) {
        hashes.remove(upload.id());
        return store.delete(upload.storageKey()).compose(v -> runtime.blocking(() -> {
            files.abandon(upload.id());
            return null;
        }));
    }

    /** Where a target is, for the caller: a room they belong to, or a user who exists. */
    private Future<Destination> place(Principal caller, FileTarget target) {
        return switch (target) {
            case FileTarget.Room room -> neighbours.requireMember(caller, room.projectId())
                .map(v -> new Destination.Room(room.projectId()));
            case FileTarget.User user -> neighbours.user(user.username())
                .map(found -> new Destination.Direct(found.getLong("id"), found.getString("username")));
        };
    }

    private Future<FilePolicy.Standing> standing(Principal caller, StoredFile file) {
        if (!(file.destination() instanceof Destination.Room room)) {
            return Future.succeededFuture(FilePolicy.Standing.NONE);
        }
        return neighbours.requestObject(BusAddresses.ROOM_MEMBERSHIP,
                new JsonObject().put("projectId", room.projectId()).put("userId", caller.userId()))
            .map(answer -> new FilePolicy.Standing(answer.getBoolean("member", false),
                "owner".equals(answer.getString("role"))));
    }

    private void announce(FileRepository.Announcement announcement) {
        switch (announcement.message()) {
            case ChatMessage message -> publishAbout(announcement.file(), "chat", message.toJson(), false);
            case DirectMessage message -> publishAbout(announcement.file(), "dm", message.toJson(), false);
            default -> throw new IllegalStateException("a file is announced by a chat or a direct message");
        }
    }

    // A room hears about its files; in a conversation the recipient does (as for a dm), and for a
    // removal both parties do.
    private void publishAbout(StoredFile file, String type, JsonObject data, boolean bothParties) {
        var bus = runtime.vertx().eventBus();
        JsonObject event = new OutboundEvent(type, data).toBus();
        switch (file.destination()) {
            case Destination.Room room -> bus.publish(BusAddresses.CHAT_ROOM_PREFIX + room.projectId(), event);
            case Destination.Direct direct -> {
                bus.publish(BusAddresses.CHAT_USER_PREFIX + direct.recipientId(), event);
                if (bothParties && direct.recipientId() != file.uploaderId()) {
                    bus.publish(BusAddresses.CHAT_USER_PREFIX + file.uploaderId(), event);
                }
            }
        }
    }

    private static JsonObject deletedEvent(FileService.Removal removal, Principal by) {
        StoredFile file = removal.file();
        JsonObject event = new JsonObject().put("fileId", file.id()).put("name", file.name())
            .put("messageId", removal.messageId()).put("text", removal.text())
            .put("by", new JsonObject().put("id", by.userId()).put("username", by.username()));
        return switch (file.destination()) {
            case Destination.Room room -> event.put("projectId", room.projectId());
            case Destination.Direct direct -> event.put("between", new JsonArray()
                .add(file.uploaderUsername()).add(direct.recipientUsername()));
        };
    }

    /**
     * Runs {@code work} on the upload as it is now, after every earlier request on it on this
     * instance has finished and while holding its lock in the store.
     */
    private <T> Future<T> exclusive(PendingUpload upload, Function<PendingUpload, Future<T>> work) {
        String uploadId = upload.id();
        Supplier<Future<T>> locked = () -> store.lock(upload.storageKey(), lockWait())
            .compose(lock -> runtime.blocking(() -> files.reload(uploadId))
                .compose(current -> current.isPresent() ? work.apply(current.get())
                    : Future.<T>failedFuture(new HuddleException(ErrorCode.NOT_FOUND, "no upload " + uploadId)))
                .eventually(lock::release));
        Future<T> mine;
        synchronized (busy) {
            Future<?> before = busy.getOrDefault(uploadId, Future.succeededFuture());
            mine = before.transform(x -> locked.get());
            busy.put(uploadId, mine);
        }
        return mine.andThen(x -> {
            synchronized (busy) {
                busy.remove(uploadId, mine);
            }
        });
    }

    // A request holding the lock for a client that went away notices within the stall timeout.
    private Duration lockWait() {
        return config.stallTimeout().plusSeconds(5);
    }
}
