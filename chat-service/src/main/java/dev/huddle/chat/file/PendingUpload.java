package dev.huddle.chat.file;

import java.time.Instant;

/**
 * An upload declared and accepted, whose bytes are arriving (a row of {@code uploads}).
 *
 * @param id        random, 32 hex digits: the tus upload URL's last segment
 * @param resumable true for tus uploads (they outlive a dropped connection), false on the line protocol
 * @param fileId    the stored file once a tus upload completed, else null
 */
public record PendingUpload(String id, Destination destination, long uploaderId, String uploaderUsername, String name,
                            long size, String sha256, String storageKey, boolean resumable, Instant createdAt,
                            Long fileId) {

    public boolean complete() {
        return fileId != null;
    }
}
