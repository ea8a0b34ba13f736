package dev.huddle.media.wire;

/**
 * The payload of an AUDIO datagram: one 20 ms frame and the codec it is in.
 *
 * <pre>
 *  0               1
 *  0 1 2 3 4 5 6 7 8 ...
 * +---------------+-------------------------------+
 * |  codec (u8)   |  coded frame (payload length - 1 bytes)
 * +---------------+-------------------------------+
 * </pre>
 *
 * The codec is an {@link AudioCodec} code: 0 PCM (640 bytes follow), 1 Opus (one Opus packet). A
 * datagram whose AUDIO payload is shorter than {@value #MIN_LENGTH} bytes fails {@link MediaPacket#check};
 * an unknown codec passes it (the relay forwards frames without reading them) and a receiver drops the
 * frame as undecodable.
 */
public final class AudioPayload {

    /** A codec byte and at least one byte of frame. */
    public static final int MIN_LENGTH = 2;

    private AudioPayload() {
    }

    /** A whole AUDIO datagram carrying {@code frame} in {@code codec}. */
    public static byte[] packet(int sessionId, int streamId, long sequence, long frameNumber, int flags,
                                long timestampMillis, AudioCodec codec, byte[] frame) {
        byte[] packet = new byte[MediaPacket.HEADER_LENGTH + 1 + frame.length];
        MediaPacket.writeHeader(packet, 0, PacketType.AUDIO, MediaKind.AUDIO, flags, sessionId, streamId, sequence,
            frameNumber, 0, 1, timestampMillis, 1 + frame.length);
        packet[MediaPacket.HEADER_LENGTH] = (byte) codec.code();
        System.arraycopy(frame, 0, packet, MediaPacket.HEADER_LENGTH + 1, frame.length);
        return packet;
    }

    /** The codec of a payload (as {@link JitterBuffer#poll()} returns it), or {@code null} if unknown. */
    public static AudioCodec codec(byte[] payload) {
        return payload.length < MIN_LENGTH ? null : AudioCodec.fromCode(payload[0] & 0xFF);
    }

    /** The coded frame of a payload: every byte after the codec. */
    public static byte[] frame(byte[] payload) {
        return java.util.Arrays.copyOfRange(payload, 1, payload.length);
    }
}
