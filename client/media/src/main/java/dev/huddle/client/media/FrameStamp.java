package dev.huddle.client.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * The frame number and capture time drawn into a picture as a band of black and white blocks, so a
 * receiver can read them back from the decoded image, after JPEG, and check that what it shows is
 * the frame the sender made (not only that some bytes came) and how old it is (glass to glass).
 *
 * <p>Layout: {@value #ROWS} rows of {@value #COLUMNS} square blocks in the top-left corner, one bit
 * each, most significant first: frame number (32 bits), capture time in epoch milliseconds (48 bits),
 * a 16-bit check over both, a fixed 24-bit sync pattern (so a black or white area is no stamp). A block is a multiple of 8 pixels wide and aligned to the
 * 8×8 grid JPEG compresses in, so its centre survives any sensible quality. A block whose centre is
 * neither clearly dark nor clearly light, or a wrong check, reads as no stamp at all.
 */
public final class FrameStamp {

    /** Blocks per row. */
    public static final int COLUMNS = 40;
    /** Rows of blocks. */
    public static final int ROWS = 3;
    /** The last 24 blocks: neither all dark nor all light, nor a stripe. */
    private static final long SYNC = 0xC3A55AL;
    /** Narrowest picture a stamp fits: blocks of 8 pixels. */
    public static final int MIN_WIDTH = COLUMNS * 8;

    /** What a stamp holds. */
    public record Stamp(long frameNumber, long captureMillis) {
    }

    private FrameStamp() {
    }

    /** The block edge for a picture {@code width} pixels wide: the largest multiple of 8 that fits. */
    public static int blockSize(int width) {
        if (width < MIN_WIDTH) {
            throw new IllegalArgumentException("a stamp needs a picture at least " + MIN_WIDTH + " pixels wide");
        }
        return width / COLUMNS / 8 * 8;
    }

    /** Draws the stamp; {@code frameNumber} is taken modulo 2^32, {@code captureMillis} modulo 2^48. */
    public static void draw(BufferedImage image, long frameNumber, long captureMillis) {
        int block = blockSize(image.getWidth());
        boolean[] bits = bits(frameNumber & 0xFFFF_FFFFL, captureMillis & 0xFFFF_FFFF_FFFFL);
        Graphics2D g = image.createGraphics();
        try {
            for (int i = 0; i < bits.length; i++) {
                g.setColor(bits[i] ? Color.WHITE : Color.BLACK);
                g.fillRect(i % COLUMNS * block, i / COLUMNS * block, block, block);
            }
        } finally {
            g.dispose();
        }
    }

    /** The stamp in a (decoded) picture, or empty when there is none or it does not read cleanly. */
    public static Optional<Stamp> read(BufferedImage image) {
        if (image.getWidth() < MIN_WIDTH) {
            return Optional.empty();
        }
        int block = blockSize(image.getWidth());
        if (image.getHeight() < ROWS * block) {
            return Optional.empty();
        }
        long[] words = new long[4];
        int[] widths = {32, 48, 16, 24};
        int at = 0;
        for (int w = 0; w < words.length; w++) {
            for (int b = 0; b < widths[w]; b++, at++) {
                int luma = luma(image.getRGB(at % COLUMNS * block + block / 2, at / COLUMNS * block + block / 2));
                if (luma > 64 && luma < 192) {
                    return Optional.empty();
                }
                words[w] = words[w] << 1 | (luma >= 192 ? 1 : 0);
            }
        }
        if (words[2] != check(words[0], words[1]) || words[3] != SYNC) {
            return Optional.empty();
        }
        return Optional.of(new Stamp(words[0], words[1]));
    }

    private static boolean[] bits(long frame, long capture) {
        boolean[] bits = new boolean[ROWS * COLUMNS];
        put(bits, 0, frame, 32);
        put(bits, 32, capture, 48);
        put(bits, 80, check(frame, capture), 16);
        put(bits, 96, SYNC, 24);
        return bits;
    }

    private static void put(boolean[] bits, int from, long value, int width) {
        for (int i = 0; i < width; i++) {
            bits[from + i] = (value >>> (width - 1 - i) & 1) == 1;
        }
    }

    /** Folds both fields to 16 bits, so a misread block is caught rather than taken as another frame. */
    private static long check(long frame, long capture) {
        long h = frame * 0x9E37_79B9L ^ capture * 0x85EB_CA6BL;
        h ^= h >>> 29;
        h *= 0xC2B2_AE35L;
        return (h ^ h >>> 32 ^ h >>> 16) & 0xFFFF;
    }

    private static int luma(int rgb) {
        return (299 * (rgb >> 16 & 0xFF) + 587 * (rgb >> 8 & 0xFF) + 114 * (rgb & 0xFF)) / 1000;
    }
}
