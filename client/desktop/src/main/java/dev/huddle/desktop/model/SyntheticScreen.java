package dev.huddle.desktop.model;

import dev.huddle.client.media.FrameStamp;
import dev.huddle.client.media.SyntheticPicture;
import dev.huddle.client.media.VideoSource;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A stand-in for a shared screen where no screen grabber is plugged in: a slide with a chart whose
 * last bar grows frame by frame, the sharer's name, the time, and a {@link FrameStamp} like every
 * synthetic source ({@link SyntheticPicture}). Pure Java2D: runs headless.
 */
public final class SyntheticScreen implements VideoSource {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int[] BARS = {38, 52, 47, 66, 74};

    private final int width;
    private final int height;
    private final String sharer;

    public SyntheticScreen(int width, int height, String sharer) {
        this.width = width;
        this.height = height;
        this.sharer = sharer;
    }

    @Override
    public BufferedImage capture(long frameNumber, long captureMillis) {
        return SyntheticPicture.paint(width, height, frameNumber, captureMillis, g -> {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0xF6F8FA));
            g.fillRect(0, 0, width, height);
            int stamp = FrameStamp.ROWS * FrameStamp.blockSize(width); // the stamp's rows are drawn over the top
            int bar = height / 14;
            g.setColor(new Color(0x24292F));
            g.fillRect(0, stamp, width, bar);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, bar / 2));
            g.drawString(sharer + "'s screen  ·  " + TIME.format(Instant.ofEpochMilli(captureMillis)), 12,
                stamp + bar * 2 / 3);
            bar += stamp;
            g.setColor(new Color(0x1F2328));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, height / 14));
            g.drawString("Q4 roadmap", width / 12, bar + height / 7);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, height / 26));
            g.setColor(new Color(0x57606A));
            g.drawString("Weekly active rooms, thousands", width / 12, bar + height / 7 + height / 16);
            chart(g, frameNumber, bar + height / 4);
        });
    }

    private void chart(Graphics2D g, long frameNumber, int top) {
        int left = width / 12;
        int bottom = height - height / 10;
        int slot = (width - 2 * left) / BARS.length;
        g.setColor(new Color(0xD0D7DE));
        g.setStroke(new BasicStroke(2));
        g.drawLine(left, bottom, width - left, bottom);
        for (int i = 0; i < BARS.length; i++) {
            double value = i == BARS.length - 1 ? BARS[i] * (0.6 + 0.4 * ((frameNumber % 45) / 45.0)) : BARS[i];
            int h = (int) ((bottom - top) * value / 80);
            g.setColor(i == BARS.length - 1 ? new Color(0x0969DA) : new Color(0x54AEFF));
            g.fillRoundRect(left + i * slot + slot / 5, bottom - h, slot * 3 / 5, h, 8, 8);
        }
    }
}
