package dev.huddle.client.media;

import dev.huddle.media.wire.AudioCodec;

/** The encoder and decoders for each {@link AudioCodec}: PCM as is, Opus through FFmpeg's libopus. */
public final class AudioCodecs {

    /** Opus bit rate: wideband speech at 16 kHz is clear from ~16 kb/s; 24 kb/s leaves room for music. */
    public static final int OPUS_BITS_PER_SECOND = 24_000;

    private AudioCodecs() {
    }

    /**
     * An encoder for {@code codec}.
     *
     * @throws IllegalStateException when the codec cannot be opened here (FFmpeg's natives missing)
     */
    public static AudioEncoder encoder(AudioCodec codec) {
        return switch (codec) {
            case PCM16 -> new AudioEncoder() {
                @Override
                public AudioCodec codec() {
                    return AudioCodec.PCM16;
                }

                @Override
                public byte[] encode(byte[] pcm) {
                    return pcm;
                }
            };
            case OPUS -> new OpusEncoder(OPUS_BITS_PER_SECOND);
        };
    }

    /** A decoder for {@code codec}; a frame it cannot decode (or a codec that cannot open here) gives {@code null}. */
    public static AudioDecoder decoder(AudioCodec codec) {
        return switch (codec) {
            case PCM16 -> frame -> frame.length == AudioSource.FRAME_BYTES ? frame : null;
            case OPUS -> {
                try {
                    yield new OpusDecoder();
                } catch (IllegalStateException | UnsatisfiedLinkError | NoClassDefFoundError e) {
                    yield frame -> null;
                }
            }
        };
    }

    /** Why Opus cannot be used on this machine, or {@code null} when it can. */
    public static String opusUnavailable() {
        try (AudioEncoder encoder = new OpusEncoder(OPUS_BITS_PER_SECOND)) {
            return null;
        } catch (IllegalStateException | UnsatisfiedLinkError | NoClassDefFoundError e) {
            return e.getMessage();
        }
    }
}
