package dev.huddle.client.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Resizing pictures for sending: fitting a grabbed picture to the call's size, shrinking under loss. */
final class Pictures {

    private Pictures() {
    }

    /**
     * A new {@code width}×{@code height} picture holding {@code source} as large as it fits with its
     * proportions kept, black bars on the sides left over. Always a copy: a grabber's converter reuses
     * its picture for the next frame.
     */
    static BufferedImage fit(BufferedImage source, int width, int height) {
        double scale = Math.min((double) width / source.getWidth(), (double) height / source.getHeight());
        int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        draw(target, source, (width - w) / 2, (height - h) / 2, w, h);
        return target;
    }

    /**
     * {@code picture} at {@code scale} of its size for sending, never narrower than a
     * {@link FrameStamp} needs; a stamp in it is drawn again at the new size (shrunk blocks no longer
     * sit on the grid a reader expects). The picture itself when nothing changes.
     */
    static BufferedImage shrink(BufferedImage picture, double scale, long frameNumber, long captureMillis) {
        int width = Math.max(FrameStamp.MIN_WIDTH, (int) Math.round(picture.getWidth() * scale));
        if (scale >= 1 || width >= picture.getWidth()) {
            return picture;
        }
        int height = Math.max(1, (int) Math.round(picture.getHeight() * (double) width / picture.getWidth()));
        boolean stamped = FrameStamp.read(picture).isPresent();
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        draw(target, picture, 0, 0, width, height);
        if (stamped) {
            FrameStamp.draw(target, frameNumber, captureMillis);
        }
        return target;
    }

    private static void draw(BufferedImage target, BufferedImage source, int x, int y, int w, int h) {
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, x, y, w, h, null);
        } finally {
            g.dispose();
        }
    }
}
