package dev.huddle.chat.file;

import dev.huddle.chat.message.MessageRepository;
import dev.huddle.chat.message.MessageRules;
import dev.huddle.chat.message.Page;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.FileSize;
import dev.huddle.server.token.Principal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The rules of files, whatever door they come through: what may be declared, what a finished file
 * becomes in history, what a removal leaves there. Plain Java and blocking (SQLite): the Vert.x
 * layer runs it on workers, after asking room-service and auth-service what it cannot know here
 * (membership, who a username is). Every refusal is a {@link HuddleException} and changes nothing.
 */
public final class FileService {

    /** A removed file and the message that had shared it (null if none), now saying so. */
    public record Removal(StoredFile file, Long messageId, String text) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final FileRepository repository;
    private final FileConfig config;
    private final Clock clock;

    public FileService(FileRepository repository, FileConfig config, Clock clock) {
        this.repository = repository;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Accepts a declared upload, before any of its bytes are read: the size is within the limit, the
     * uploader's quota has room (and is reserved now), the name is cleaned for display. The caller
     * has checked that the uploader may send to {@code destination}.
     *
     * @param sha256 64 lower-case hex digits (checked by the command records / tus metadata reader)
     * @throws HuddleException TOO_LARGE, QUOTA_EXCEEDED, BAD_REQUEST for a negative size
     */
    public PendingUpload declare(Principal uploader, Destination destination, String name, long size, String sha256,
                                 boolean resumable) {
        if (size < 0) {
            throw HuddleException.badRequest("size must be a whole number of bytes");
        }
        if (size > config.maxBytes()) {
            throw new HuddleException(ErrorCode.TOO_LARGE, "files may be at most " + FileSize.human(config.maxBytes())
                + " (" + config.maxBytes() + " bytes); this one is " + size + " bytes");
        }
        PendingUpload upload = new PendingUpload(randomKey(), destination, uploader.userId(), uploader.username(),
            FileNames.sanitize(name), size, sha256, randomKey(), resumable, now(), null);
        repository.reserve(upload, config.quotaBytes());
        return upload;
    }

    /** The caller's own upload; someone else's is NOT_FOUND, as if it did not exist. */
    public PendingUpload upload(String uploadId, Principal caller) {
        return repository.upload(uploadId).filter(u -> u.uploaderId() == caller.userId())
            .orElseThrow(() -> new HuddleException(ErrorCode.NOT_FOUND, "no upload " + uploadId));
    }

    /** The upload's row as it is now (another request may have finished or removed it). */
    public java.util.Optional<PendingUpload> reload(String uploadId) {
        return repository.upload(uploadId);
    }

    /** Bytes arrived: the janitor leaves the upload alone for another full TTL. */
    public void touch(String uploadId) {
        repository.touch(uploadId, now());
    }

    /**
     * Stores a complete upload whose bytes matched its SHA-256, with the message announcing it
     * ({@code shared report.pdf (2.3 MB)}), in one transaction.
     */
    public FileRepository.Announcement complete(PendingUpload upload, String contentType) {
        return repository.complete(upload, contentType,
            "shared " + upload.name() + " (" + FileSize.human(upload.size()) + ")", now());
    }

    /** Forgets an upload that will not complete; its quota reservation goes with it. */
    public void abandon(String uploadId) {
        repository.deleteUpload(uploadId);
    }

    public StoredFile file(long fileId) {
        return repository.file(fileId)
            .orElseThrow(() -> new HuddleException(ErrorCode.NOT_FOUND, "no file with id " + fileId));
    }

    /**
     * A room's files, or those of the caller's conversation with a user, newest first. The caller
     * has checked membership for a room.
     */
    public Page<StoredFile> list(Principal caller, Destination place, Integer limit, Long beforeId) {
        var page = MessageRules.page(limit, beforeId);
        return switch (place) {
            case Destination.Room room -> repository.page(room.projectId(), null, page);
            case Destination.Direct direct -> repository.page(null,
                MessageRepository.conversation(caller.userId(), direct.recipientId()), page);
        };
    }

    /**
     * Removes a file's row; its message stays in history saying {@code report.pdf (2.3 MB) was
     * removed by bob}. The caller has checked {@link FilePolicy#requireRemover} and removes the bytes.
     */
    public Removal remove(StoredFile file, Principal by) {
        String text = file.name() + " (" + FileSize.human(file.size()) + ") was removed by " + by.username();
        return new Removal(file, repository.delete(file, text), text);
    }

    /** Uploads idle for longer than the TTL, finished (tus bookkeeping) or not. */
    public List<PendingUpload> expiredUploads() {
        return repository.idleSince(now().minus(config.incompleteTtl()));
    }

    /** The instant before which store entries without a row are leftovers of a crash. */
    public Instant leftoverCutoff() {
        return now().minus(config.incompleteTtl());
    }

    public boolean keyInUse(String storageKey) {
        return repository.keyInUse(storageKey);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String randomKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
