package dev.huddle.client.media;

import java.awt.image.BufferedImage;

/**
 * Where a call's pictures come from: a camera, a file, the screen, or {@link SyntheticVideo}. The
 * sender thread asks for one picture per frame period; a source draws the frame number and capture
 * time in ({@link FrameStamp}) when it can, so receivers measure glass-to-glass latency from the
 * picture itself.
 */
public interface VideoSource extends AutoCloseable {

    /** A picture of the configured size, or {@code null} when none is ready (the frame is skipped). */
    BufferedImage capture(long frameNumber, long captureMillis);

    @Override
    default void close() {
    }
}
