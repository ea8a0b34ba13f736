package dev.huddle.client.media;

import java.awt.image.BufferedImage;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * What the FFmpeg sources share: loading FFmpeg's natives once, starting a grabber with every failure
 * turned into a {@link VideoSourceUnavailable} that says what was being opened, and turning a grabbed
 * frame into a picture of the call's size with its {@link FrameStamp}.
 */
final class FfmpegGrab {

    private static volatile String loadFailure;
    private static volatile boolean loaded;

    private FfmpegGrab() {
    }

    /** Loads FFmpeg (libavdevice among it: v4l2 and x11grab), quietly; at most once. */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        if (loadFailure == null) {
            try {
                FFmpegFrameGrabber.tryLoad();
                avutil.av_log_set_level(avutil.AV_LOG_QUIET); // our own one-line messages say what failed
                loaded = true;
                return;
            } catch (FrameGrabber.Exception | LinkageError e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                loadFailure = "FFmpeg's native libraries did not load (" + cause.getMessage() + "); on Debian or "
                    + "Ubuntu they need libpulse0 and libxcb1 (apt-get install libpulse0 libxcb1)";
            }
        }
        throw new VideoSourceUnavailable(loadFailure);
    }

    /** Starts {@code grabber}; {@code what} names the source in the message if it fails. */
    static FFmpegFrameGrabber start(FFmpegFrameGrabber grabber, String what) {
        try {
            grabber.start();
            return grabber;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            close(grabber);
            throw new VideoSourceUnavailable("cannot open " + what + ": " + oneLine(e.getMessage()));
        }
    }

    static void close(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            // closing a grabber that failed to open: nothing more to release
        }
    }

    /**
     * The grabbed frame as a new picture of the call's size, stamped if asked ({@code null} for a
     * frame without a picture).
     */
    static BufferedImage picture(Java2DFrameConverter converter, Frame frame, int width, int height, boolean stamp,
                                 long frameNumber, long captureMillis) {
        BufferedImage grabbed = frame == null || frame.image == null ? null : converter.convert(frame);
        if (grabbed == null) {
            return null;
        }
        BufferedImage picture = Pictures.fit(grabbed, width, height);
        if (stamp) {
            FrameStamp.draw(picture, frameNumber, captureMillis);
        }
        return picture;
    }

    private static String oneLine(String message) {
        return message == null ? "no reason given" : message.replaceAll("\\s+", " ").trim();
    }
}
