package dev.huddle.client.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Short test videos made with FFmpeg: frame {@code i} is filled with {@link #PALETTE}{@code [i % 6]},
 * so a picture read back names the frame it came from even after lossy coding.
 */
public final class VideoFiles {

    public static final Color[] PALETTE = {Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW, Color.MAGENTA,
        Color.CYAN};

    private VideoFiles() {
    }

    /** Writes {@code frames} frames of {@code width}×{@code height} as MJPEG in whatever container the name says. */
    public static Path coloured(Path file, int width, int height, int frames) throws Exception {
        FfmpegGrab.load();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MJPEG);
            recorder.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P);
            recorder.setFrameRate(15);
            recorder.start();
            for (int i = 0; i < frames; i++) {
                BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = picture.createGraphics();
                g.setColor(PALETTE[i % PALETTE.length]);
                g.fillRect(0, 0, width, height);
                g.dispose();
                recorder.record(converter.convert(picture));
            }
            recorder.stop();
        }
        return file;
    }

    /** The index in {@link #PALETTE} of the colour near the pixel's, or -1 when none is near. */
    public static int colourAt(BufferedImage picture, int x, int y) {
        return paletteIndex(picture.getRGB(x, y));
    }

    /** The index in {@link #PALETTE} of the colour near {@code rgb}, or -1 when none is near. */
    public static int paletteIndex(int rgb) {
        Color c = new Color(rgb);
        for (int i = 0; i < PALETTE.length; i++) {
            Color p = PALETTE[i];
            if (Math.abs(c.getRed() - p.getRed()) + Math.abs(c.getGreen() - p.getGreen())
                + Math.abs(c.getBlue() - p.getBlue()) < 90) {
                return i;
            }
        }
        return -1;
    }
}
