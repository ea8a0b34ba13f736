package dev.huddle.client.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/**
 * The frame of a synthetic video source ({@link SyntheticVideo}, the desktop's stand-in screen): an
 * RGB picture painted with antialiasing by the source, then a {@link FrameStamp} over it, so every
 * synthetic picture can be checked on arrival. Pure Java2D: runs headless.
 */
public final class SyntheticPicture {

    private SyntheticPicture() {
    }

    /** A {@code width}×{@code height} picture {@code painter} drew on, stamped with the frame's number and time. */
    public static BufferedImage paint(int width, int height, long frameNumber, long captureMillis,
                                      Consumer<Graphics2D> painter) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            painter.accept(g);
        } finally {
            g.dispose();
        }
        FrameStamp.draw(image, frameNumber, captureMillis);
        return image;
    }
}
