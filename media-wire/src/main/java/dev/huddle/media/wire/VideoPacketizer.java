package dev.huddle.media.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits encoded video frames (a JPEG each) into {@link PacketType#VIDEO} datagrams of at most
 * {@value MediaPacket#MAX_DATAGRAM} bytes, every chunk carrying its frame number, index and count so
 * the receiver's {@link FrameReassembler} can rebuild the frame or drop it whole. One instance per
 * stream; not thread-safe.
 */
public final class VideoPacketizer {

    /** Largest frame: 65,535 chunks of {@value MediaPacket#MAX_PAYLOAD} bytes. */
    public static final int MAX_FRAME_BYTES = 0xFFFF * MediaPacket.MAX_PAYLOAD;

    private final int streamId;
    private final MediaKind kind;
    private final int chunkBytes;
    private int sessionId;
    private long sequence;
    private long frameNumber;

    /** A packetizer with full-size chunks. */
    public VideoPacketizer(int sessionId, int streamId, MediaKind kind) {
        this(sessionId, streamId, kind, MediaPacket.MAX_PAYLOAD);
    }

    /** @param chunkBytes payload bytes per chunk, 1 to {@value MediaPacket#MAX_PAYLOAD} (smaller for a smaller MTU) */
    public VideoPacketizer(int sessionId, int streamId, MediaKind kind, int chunkBytes) {
        if (kind != MediaKind.VIDEO && kind != MediaKind.SCREEN) {
            throw new IllegalArgumentException("video packets carry VIDEO or SCREEN, not " + kind);
        }
        if (chunkBytes < 1 || chunkBytes > MediaPacket.MAX_PAYLOAD) {
            throw new IllegalArgumentException("chunk of " + chunkBytes + " bytes");
        }
        this.sessionId = sessionId;
        this.streamId = streamId;
        this.kind = kind;
        this.chunkBytes = chunkBytes;
    }

    /** The session the relay granted (JOIN_ACK); later packets carry it. */
    public void sessionId(int sessionId) {
        this.sessionId = sessionId;
    }

    /**
     * The datagrams of one frame, in chunk order; the last one has {@link MediaPacket#FLAG_MARKER}.
     *
     * @param timestampMillis capture time, milliseconds of the sender's clock
     * @throws IllegalArgumentException for an empty frame or one over {@link #MAX_FRAME_BYTES}
     */
    public List<byte[]> packetize(byte[] frame, long timestampMillis) {
        if (frame.length == 0 || frame.length > MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("frame of " + frame.length + " bytes");
        }
        int count = (frame.length + chunkBytes - 1) / chunkBytes;
        List<byte[]> packets = new ArrayList<>(count);
        long number = frameNumber++;
        for (int index = 0; index < count; index++) {
            int from = index * chunkBytes;
            int length = Math.min(chunkBytes, frame.length - from);
            byte[] packet = new byte[MediaPacket.HEADER_LENGTH + length];
            int flags = MediaPacket.FLAG_KEYFRAME | (index == count - 1 ? MediaPacket.FLAG_MARKER : 0);
            MediaPacket.writeHeader(packet, 0, PacketType.VIDEO, kind, flags, sessionId, streamId, sequence++,
                number, index, count, timestampMillis, length);
            System.arraycopy(frame, from, packet, MediaPacket.HEADER_LENGTH, length);
            packets.add(packet);
        }
        return packets;
    }
}
