package dev.huddle.client.media;

import java.awt.image.BufferedImage;

/**
 * Where decoded received frames go: a UI tile, a directory ({@link DirectoryFrameSink}), or nowhere.
 * Called from the call's decoder thread, only with complete frames, each newer than the last one
 * given for the same peer.
 */
@FunctionalInterface
public interface FrameSink {

    FrameSink NONE = (peer, frameNumber, image, jpeg) -> { };

    /**
     * @param peer        the sender's username (or {@code session-<id>} while unknown)
     * @param frameNumber the frame number from the packet header
     * @param jpeg        the frame as it came over the wire
     */
    void frame(String peer, long frameNumber, BufferedImage image, byte[] jpeg);
}
