package dev.huddle.client.media;

/**
 * Where a call's received sound goes every 20 ms: a speaker ({@code javax.sound.sampled}, where one
 * exists), a file, or nowhere. Called from the call's clock with the others' frames already mixed
 * ({@link AudioMixer}); a peer whose frame was lost or late contributes silence.
 */
@FunctionalInterface
public interface AudioSink {

    AudioSink NONE = pcm -> { };

    /** One 20 ms frame of 16-bit little-endian mono PCM, {@link AudioSource#FRAME_BYTES} bytes. */
    void play(byte[] pcm);
}
