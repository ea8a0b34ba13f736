package dev.huddle.client.media;

import dev.huddle.media.wire.AudioCodec;

/**
 * How a participant sends.
 *
 * @param video      pictures to send, or {@code null} to send no video
 * @param audio      sound to send, or {@code null} to send no audio
 * @param fps        video frames per second
 * @param quality    JPEG quality to start at and never exceed (0.05 to 1); lowered while receivers report loss
 * @param audioCodec how audio is sent (PCM, or Opus where FFmpeg's libopus loads; receivers decode either)
 */
public record CallSettings(VideoSource video, AudioSource audio, int fps, float quality, AudioCodec audioCodec) {

    /** Audio sent as PCM. */
    public CallSettings(VideoSource video, AudioSource audio, int fps, float quality) {
        this(video, audio, fps, quality, AudioCodec.PCM16);
    }

    public static final int DEFAULT_FPS = 15;
    public static final float DEFAULT_QUALITY = 0.7f;

    public CallSettings {
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("fps from 1 to 60, not " + fps);
        }
        if (!(quality >= 0.05f && quality <= 1f)) {
            throw new IllegalArgumentException("quality from 0.05 to 1, not " + quality);
        }
        java.util.Objects.requireNonNull(audioCodec, "audioCodec");
    }
}
