package dev.huddle.client.media;

/**
 * How a participant sends.
 *
 * @param video      pictures to send, or {@code null} to send no video
 * @param audio      sound to send, or {@code null} to send no audio
 * @param fps        video frames per second
 * @param quality    JPEG quality to start at and never exceed (0.05 to 1); lowered while receivers report loss
 */
public record CallSettings(VideoSource video, AudioSource audio, int fps, float quality) {

    public static final int DEFAULT_FPS = 15;
    public static final float DEFAULT_QUALITY = 0.7f;

    public CallSettings {
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("fps from 1 to 60, not " + fps);
        }
        if (!(quality >= 0.05f && quality <= 1f)) {
            throw new IllegalArgumentException("quality from 0.05 to 1, not " + quality);
        }
    }
}
