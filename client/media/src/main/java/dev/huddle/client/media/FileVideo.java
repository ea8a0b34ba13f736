package dev.huddle.client.media;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A video file (anything FFmpeg reads) as the camera: one picture of the file per frame the call
 * sends, so it plays at the call's rate, not the file's; from the start again when it ends. Fitted
 * to the call's size; its audio is ignored.
 */
public final class FileVideo implements VideoSource {

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private final int width;
    private final int height;
    private final boolean stamp;

    /**
     * @param stamp draw the frame number and capture time in ({@link FrameStamp}), for receivers to
     *              measure latency and check what they show
     * @throws VideoSourceUnavailable when the file is missing or not a video FFmpeg reads
     */
    public FileVideo(Path file, int width, int height, boolean stamp) {
        if (!Files.isReadable(file)) {
            throw new VideoSourceUnavailable("no video file at " + file.toAbsolutePath() + " (or it is not readable)");
        }
        FfmpegGrab.load();
        this.file = file;
        this.width = width;
        this.height = height;
        this.stamp = stamp;
        this.grabber = FfmpegGrab.start(new FFmpegFrameGrabber(file.toFile()), "the video file " + file);
        if (grabber.getVideoStream() < 0) {
            FfmpegGrab.close(grabber);
            throw new VideoSourceUnavailable("the file " + file + " holds no video");
        }
    }

    @Override
    public synchronized BufferedImage capture(long frameNumber, long captureMillis) {
        try {
            Frame frame = grabber.grabImage();
            if (frame == null) { // the end: play it again
                grabber.setTimestamp(0);
                frame = grabber.grabImage();
            }
            return FfmpegGrab.picture(converter, frame, width, height, stamp, frameNumber, captureMillis);
        } catch (FrameGrabber.Exception e) {
            return null; // a damaged stretch of the file: skip the frame
        }
    }

    @Override
    public synchronized void close() {
        FfmpegGrab.close(grabber);
        converter.close();
    }

    @Override
    public String toString() {
        return "file " + file;
    }
}
