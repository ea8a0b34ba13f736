package dev.huddle.client.media;

/** Turns one received frame back into PCM; one per sender and codec (decoders keep state). */
public interface AudioDecoder extends AutoCloseable {

    /** {@link AudioSource#FRAME_BYTES} bytes of PCM, or {@code null} for a frame that does not decode. */
    byte[] decode(byte[] frame);

    @Override
    default void close() {
    }
}
