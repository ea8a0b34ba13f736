package dev.huddle.client.media;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.time.Instant;

/**
 * A moving test pattern for where no camera exists, and for tests: a colour gradient, a ball that
 * bounces, the frame number and capture time as text for people and as a {@link FrameStamp} for
 * machines ({@link SyntheticPicture}). Pure Java2D: runs headless.
 */
public final class SyntheticVideo implements VideoSource {

    private final int width;
    private final int height;
    private final String label;

    public SyntheticVideo(int width, int height, String label) {
        FrameStamp.blockSize(width);
        if (height < 120) {
            throw new IllegalArgumentException("a test pattern needs at least 120 lines");
        }
        this.width = width;
        this.height = height;
        this.label = label;
    }

    @Override
    public BufferedImage capture(long frameNumber, long captureMillis) {
        return SyntheticPicture.paint(width, height, frameNumber, captureMillis, g -> {
            float hue = (frameNumber % 300) / 300f;
            g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.5f, 0.9f), width, height,
                Color.getHSBColor(hue + 0.5f, 0.5f, 0.4f)));
            g.fillRect(0, 0, width, height);
            int size = height / 6;
            int x = (int) bounce(frameNumber * 7, width - size);
            int y = (int) bounce(frameNumber * 5, height - size);
            g.setColor(Color.ORANGE);
            g.fillOval(x, y, size, size);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.MONOSPACED, Font.BOLD, Math.max(12, height / 20)));
            int line = g.getFontMetrics().getHeight();
            int top = FrameStamp.ROWS * FrameStamp.blockSize(width) + line;
            g.drawString(label + "  #" + frameNumber, 8, top);
            g.drawString(Instant.ofEpochMilli(captureMillis).toString(), 8, top + line);
        });
    }

    /** A position that runs 0 → span → 0 as {@code t} grows. */
    private static long bounce(long t, int span) {
        long period = 2L * Math.max(1, span);
        long p = t % period;
        return p <= span ? p : period - p;
    }
}
