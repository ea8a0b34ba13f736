package dev.huddle.client.media;

/**
 * A video source that cannot be opened here: no camera, no such file, no X display, FFmpeg's native
 * libraries missing. The message says which and what to do, in one line, for a person to read; a
 * call goes on without video or the caller picks another source.
 */
public final class VideoSourceUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VideoSourceUnavailable(String message) {
        super(message);
    }
}
