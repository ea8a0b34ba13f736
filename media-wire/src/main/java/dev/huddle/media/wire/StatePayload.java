package dev.huddle.media.wire;

/**
 * The payload of a {@link PacketType#STATE}: what the sender is sending. The relay forwards it to
 * the call and publishes it to the cluster as a {@code call_state} event.
 *
 * <pre>
 * +-------------+-+-+-+-------------------------------------------+
 * |  reserved   |S|C|M|                reserved (0)               |  0
 * +-------------+-+-+-+-------------------------------------------+
 *   M = microphone on, C = camera on, S = screen shared
 * </pre>
 */
public record StatePayload(boolean micOn, boolean cameraOn, boolean screenOn) {

    public static final int LENGTH = 4;
    private static final int MIC = 0x1;
    private static final int CAMERA = 0x2;
    private static final int SCREEN = 0x4;

    public byte[] toPacket(int sessionId) {
        byte[] payload = new byte[LENGTH];
        payload[0] = (byte) ((micOn ? MIC : 0) | (cameraOn ? CAMERA : 0) | (screenOn ? SCREEN : 0));
        return MediaPacket.control(PacketType.STATE, sessionId, payload);
    }

    /** Reads the payload of a STATE that passed {@link MediaPacket#check}. */
    public static StatePayload read(byte[] packet, int offset) {
        int bits = MediaPacket.u8(packet, MediaPacket.payloadOffset(offset));
        return new StatePayload((bits & MIC) != 0, (bits & CAMERA) != 0, (bits & SCREEN) != 0);
    }
}
