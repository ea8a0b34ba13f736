package dev.huddle.client.files;

/** Told how far a transfer got: bytes done of the total, called from the transferring thread. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total) -> {
    };

    void update(long done, long total);
}
