package dev.huddle.client.media;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A source that produces pictures at its own pace — a camera (FFmpeg's {@code v4l2}) or the screen
 * (FFmpeg's {@code x11grab}, for screen sharing; works under Xvfb). A thread of its own grabs
 * continuously and keeps only the newest picture, so a device that runs faster than the call never
 * queues up stale frames; {@link #capture} takes the newest one, waiting up to a frame period for a
 * fresh one. The device is released on {@link #close}.
 */
public final class LiveVideo implements VideoSource {

    /** Where Linux puts the first camera. */
    public static final String DEFAULT_CAMERA = "/dev/video0";

    private final String description;
    private final FFmpegFrameGrabber grabber;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private final int width;
    private final int height;
    private final long periodMillis;
    private final boolean stamp;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition fresh = lock.newCondition();
    private final Thread thread;
    private Frame newest;
    private volatile boolean running = true;
    private volatile String failure;

    private LiveVideo(FFmpegFrameGrabber grabber, String description, int width, int height, int fps,
                      boolean stamp) {
        this.grabber = grabber;
        this.stamp = stamp;
        this.description = description;
        this.width = width;
        this.height = height;
        this.periodMillis = 1_000L / fps;
        this.thread = Thread.ofPlatform().daemon().name("video-grabber").start(this::grab);
    }

    /**
     * A V4L2 camera, asked for {@code width}×{@code height} at {@code fps}.
     *
     * @param stamp draw the frame number and capture time in ({@link FrameStamp})
     * @throws VideoSourceUnavailable when there is no such device or it cannot be opened
     */
    public static LiveVideo camera(String device, int width, int height, int fps, boolean stamp) {
        if (!Files.exists(Path.of(device))) {
            throw new VideoSourceUnavailable("no camera at " + device + camerasHint());
        }
        FfmpegGrab.load();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(device);
        grabber.setFormat("v4l2");
        grabber.setImageWidth(width);
        grabber.setImageHeight(height);
        grabber.setFrameRate(fps);
        return new LiveVideo(FfmpegGrab.start(grabber, "the camera " + device), "camera " + device, width, height,
            fps, stamp);
    }

    /**
     * The whole X screen {@code display} (e.g. {@code :0}), fitted into {@code width}×{@code height}.
     *
     * @param stamp draw the frame number and capture time in ({@link FrameStamp})
     * @throws VideoSourceUnavailable when no display is named or it cannot be reached
     */
    public static LiveVideo screen(String display, int width, int height, int fps, boolean stamp) {
        if (display == null || display.isBlank()) {
            throw new VideoSourceUnavailable("no X display to share: DISPLAY is not set (screen sharing reads an X "
                + "screen through FFmpeg's x11grab; under no desktop, start one with Xvfb)");
        }
        FfmpegGrab.load();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(display);
        grabber.setFormat("x11grab");
        grabber.setFrameRate(fps);
        grabber.setOption("draw_mouse", "0");
        return new LiveVideo(FfmpegGrab.start(grabber, "the X display " + display), "screen " + display, width,
            height, fps, stamp);
    }

    private static String camerasHint() {
        try (var entries = Files.list(Path.of("/dev"))) {
            var cameras = entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("video")).sorted()
                .map(n -> "/dev/" + n).toList();
            return cameras.isEmpty() ? ": this machine has no video device (use --video synthetic, file:PATH or screen)"
                : ": the video devices here are " + String.join(", ", cameras);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private void grab() {
        while (running) {
            Frame frame;
            try {
                frame = grabber.grabImage();
            } catch (FrameGrabber.Exception | RuntimeException e) {
                failure = description + " stopped: " + e.getMessage();
                return;
            }
            if (frame == null) {
                failure = description + " ended";
                return;
            }
            Frame copy = frame.clone(); // the grabber reuses its frame for the next grab
            lock.lock();
            try {
                if (newest != null) {
                    newest.close();
                }
                newest = copy;
                fresh.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public BufferedImage capture(long frameNumber, long captureMillis) {
        Frame frame;
        lock.lock();
        try {
            if (newest == null && running) {
                fresh.await(periodMillis, TimeUnit.MILLISECONDS);
            }
            frame = newest;
            newest = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
        if (frame == null) {
            return null;
        }
        try {
            return FfmpegGrab.picture(converter, frame, width, height, stamp, frameNumber, captureMillis);
        } finally {
            frame.close();
        }
    }

    /** Why no pictures come any more (the device went away), or {@code null} while it works. */
    public String failure() {
        return failure;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        FfmpegGrab.close(grabber);
        converter.close();
    }

    @Override
    public String toString() {
        return description;
    }
}
