package dev.huddle.system;

import dev.huddle.client.media.VideoFiles;
import java.awt.Frame;

/**
 * A window over the whole screen of {@code $DISPLAY} whose colour moves through
 * {@link VideoFiles#PALETTE}, one colour every 300 ms, so what a screen share shows can be told
 * from a test pattern and seen to be live. Runs until killed ({@link VirtualDisplay}).
 */
public final class ScreenPainter {

    private ScreenPainter() {
    }

    public static void main(String[] args) throws InterruptedException {
        Frame frame = new Frame("huddle screen painter");
        frame.setUndecorated(true);
        frame.setBounds(0, 0, VirtualDisplay.WIDTH, VirtualDisplay.HEIGHT);
        frame.setVisible(true);
        for (int i = 0; ; i++) {
            frame.setBackground(VideoFiles.PALETTE[i % VideoFiles.PALETTE.length]);
            frame.repaint();
            Thread.sleep(300);
        }
    }
}
