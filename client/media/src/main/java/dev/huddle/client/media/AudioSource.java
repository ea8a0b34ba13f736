package dev.huddle.client.media;

/**
 * Where a call's sound comes from: a microphone ({@code javax.sound.sampled}), a WAV file, or
 * {@link ToneSource}. Each call returns one 20 ms frame of 16-bit little-endian mono PCM at
 * {@link #SAMPLE_RATE}.
 */
public interface AudioSource extends AutoCloseable {

    int SAMPLE_RATE = 16_000;
    int FRAME_MILLIS = 20;
    int SAMPLES_PER_FRAME = SAMPLE_RATE * FRAME_MILLIS / 1000;
    int FRAME_BYTES = SAMPLES_PER_FRAME * 2;

    /** The next frame, {@link #FRAME_BYTES} bytes. */
    byte[] next();

    @Override
    default void close() {
    }
}
