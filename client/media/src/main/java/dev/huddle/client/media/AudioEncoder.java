package dev.huddle.client.media;

import dev.huddle.media.wire.AudioCodec;

/** Codes 20 ms PCM frames for sending; one per call, used by the call's clock thread only. */
public interface AudioEncoder extends AutoCloseable {

    AudioCodec codec();

    /** One {@link AudioSource#FRAME_BYTES}-byte PCM frame, coded; {@code null} when the codec has nothing to send yet. */
    byte[] encode(byte[] pcm);

    @Override
    default void close() {
    }
}
