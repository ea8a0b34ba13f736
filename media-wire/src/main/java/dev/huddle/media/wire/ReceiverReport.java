package dev.huddle.media.wire;

/**
 * The payload of a {@link PacketType#REPORT}: what one receiver saw of one sender's stream, so the
 * sender can adapt (lower its frame rate or JPEG quality). The relay passes it to that sender only.
 *
 * <pre>
 * +--------------------------------------------------------------+
 * |                   reported sender's session id               |  0
 * +---------------+----------------------------------------------+
 * | fraction lost |        cumulative packets lost (24 bits)     |  4
 * +---------------+----------------------------------------------+
 * |                highest sequence number received              |  8
 * +--------------------------------------------------------------+
 * |             interarrival jitter (microseconds)               | 12
 * +--------------------------------------------------------------+
 * </pre>
 *
 * @param fractionLost   lost since the previous report, in 1/256ths (0..255), as in RTCP
 * @param cumulativeLost lost since the start, capped at 2<sup>24</sup>-1
 */
public record ReceiverReport(int reportedSession, int fractionLost, int cumulativeLost, long highestSequence,
                             long jitterMicros) {

    public static final int LENGTH = 16;
    private static final int MAX_LOST = 0xFF_FFFF;

    public ReceiverReport {
        fractionLost = Math.clamp(fractionLost, 0, 255);
        cumulativeLost = Math.clamp(cumulativeLost, 0, MAX_LOST);
        highestSequence &= 0xFFFF_FFFFL;
        jitterMicros = Math.clamp(jitterMicros, 0, 0xFFFF_FFFFL);
    }

    public byte[] toPacket(int sessionId) {
        byte[] payload = new byte[LENGTH];
        MediaPacket.putI32(payload, 0, reportedSession);
        MediaPacket.putI32(payload, 4, fractionLost << 24 | cumulativeLost);
        MediaPacket.putI32(payload, 8, (int) highestSequence);
        MediaPacket.putI32(payload, 12, (int) jitterMicros);
        return MediaPacket.control(PacketType.REPORT, sessionId, payload);
    }

    /** The session a REPORT datagram reports on, read without allocating (the relay routes by it). */
    public static int reportedSession(byte[] packet, int offset) {
        return MediaPacket.i32(packet, MediaPacket.payloadOffset(offset));
    }

    /** Reads the payload of a REPORT that passed {@link MediaPacket#check}. */
    public static ReceiverReport read(byte[] packet, int offset) {
        int p = MediaPacket.payloadOffset(offset);
        int lost = MediaPacket.i32(packet, p + 4);
        return new ReceiverReport(MediaPacket.i32(packet, p), lost >>> 24, lost & MAX_LOST,
            MediaPacket.i32(packet, p + 8) & 0xFFFF_FFFFL, MediaPacket.i32(packet, p + 12) & 0xFFFF_FFFFL);
    }
}
