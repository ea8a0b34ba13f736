package dev.huddle.media.wire;

/**
 * The payload of a {@link PacketType#JOIN_ACK}; the header's session id is the session the relay
 * bound to the client's source address, to be put in every later packet.
 *
 * <pre>
 * +--------------------------------------------------------------+
 * |              keepalive interval (milliseconds)               |  0
 * +--------------------------------------------------------------+
 * |      session timeout: silence after which it ends (ms)       |  4
 * +--------------------------------------------------------------+
 * </pre>
 */
public record JoinAck(int keepaliveMillis, int sessionTimeoutMillis) {

    public static final int LENGTH = 8;

    public byte[] toPacket(int sessionId) {
        byte[] payload = new byte[LENGTH];
        MediaPacket.putI32(payload, 0, keepaliveMillis);
        MediaPacket.putI32(payload, 4, sessionTimeoutMillis);
        return MediaPacket.control(PacketType.JOIN_ACK, sessionId, payload);
    }

    /** Reads the payload of a JOIN_ACK that passed {@link MediaPacket#check}. */
    public static JoinAck read(byte[] packet, int offset) {
        int payload = MediaPacket.payloadOffset(offset);
        return new JoinAck(MediaPacket.i32(packet, payload), MediaPacket.i32(packet, payload + 4));
    }
}
