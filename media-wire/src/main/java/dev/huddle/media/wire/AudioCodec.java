package dev.huddle.media.wire;

/**
 * How an AUDIO datagram's frame is coded: the first byte of its payload ({@link AudioPayload}). Every
 * frame is 20 ms of mono sound at 16 kHz, so a receiver needs nothing else to decode it.
 */
public enum AudioCodec {
    /** 16-bit signed little-endian PCM, 320 samples (640 bytes). */
    PCM16(0),
    /** One Opus packet (RFC 6716) of 20 ms. */
    OPUS(1);

    private final int code;

    AudioCodec(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The codec with this code, or {@code null} for one this version does not know. */
    public static AudioCodec fromCode(int code) {
        for (AudioCodec codec : values()) {
            if (codec.code == code) {
                return codec;
            }
        }
        return null;
    }
}
