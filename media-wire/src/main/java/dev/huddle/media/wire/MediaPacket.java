package dev.huddle.media.wire;

/**
 * The media datagram: a fixed {@value #HEADER_LENGTH}-byte header and a payload, the whole datagram
 * at most {@value #MAX_DATAGRAM} bytes so it fits a ~1,200-byte path MTU without IP fragmentation.
 * Stateless static accessors over a byte array; offsets are constants; all fields big-endian.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------+---------------+---------------+-------+-------+
 * |  magic 0x48   |  version (1)  |     type      | kind  | flags |  0
 * +---------------+---------------+---------------+-------+-------+
 * |                          session id                           |  4
 * +-------------------------------+-------------------------------+
 * |           stream id           |        payload length         |  8
 * +-------------------------------+-------------------------------+
 * |                        sequence number                        | 12
 * +---------------------------------------------------------------+
 * |                         frame number                          | 16
 * +-------------------------------+-------------------------------+
 * |          chunk index          |          chunk count          | 20
 * +-------------------------------+-------------------------------+
 * |                        media timestamp                        | 24
 * +---------------------------------------------------------------+
 * |                 payload (payload length bytes)  ...           | 28
 * </pre>
 *
 * <ul>
 *   <li><b>type</b>: {@link PacketType#code()}; <b>kind</b> (high nibble): {@link MediaKind#code()};
 *       <b>flags</b> (low nibble): {@link #FLAG_KEYFRAME}, {@link #FLAG_MARKER}.</li>
 *   <li><b>session id</b>: the sender's session on the relay (0 in a JOIN; the relay assigns it in
 *       the JOIN_ACK). Receivers tell senders apart by it.</li>
 *   <li><b>stream id</b>: the sender's stream (camera and screen are two streams).</li>
 *   <li><b>sequence number</b>: per stream, +1 per datagram, wraps at 2<sup>32</sup> (loss counting).</li>
 *   <li><b>frame number</b>: per stream, +1 per audio or video frame; the chunks of one video frame
 *       share it.</li>
 *   <li><b>chunk index / count</b>: which part of its frame a video chunk is (index &lt; count);
 *       0 / 1 for a packet that is a whole frame, 0 / 0 for control packets.</li>
 *   <li><b>media timestamp</b>: the frame's capture time in milliseconds of the sender's clock (wraps).</li>
 * </ul>
 *
 * <p>{@link #check} validates a datagram before anything else reads it: a malformed, truncated or
 * oversized datagram yields a {@link Malformation} and is dropped and counted by the receiver, never
 * thrown. After {@code check} returned {@code null} every accessor is in bounds.
 */
public final class MediaPacket {

    /** Header byte 0: ASCII {@code 'H'}. */
    public static final int MAGIC = 0x48;
    /** The only version this code reads and writes. */
    public static final int VERSION = 1;
    /** Bytes before the payload. */
    public static final int HEADER_LENGTH = 28;
    /** Largest datagram, header included. */
    public static final int MAX_DATAGRAM = 1_200;
    /** Largest payload: {@value #MAX_DATAGRAM} - {@value #HEADER_LENGTH}. */
    public static final int MAX_PAYLOAD = MAX_DATAGRAM - HEADER_LENGTH;

    /** Flag: the frame can be decoded on its own (a JPEG always can; a future codec may not). */
    public static final int FLAG_KEYFRAME = 0x1;
    /** Flag: the last chunk of a video frame, or the first audio frame after silence. */
    public static final int FLAG_MARKER = 0x2;

    public static final int OFFSET_MAGIC = 0;
    public static final int OFFSET_VERSION = 1;
    public static final int OFFSET_TYPE = 2;
    public static final int OFFSET_KIND_FLAGS = 3;
    public static final int OFFSET_SESSION = 4;
    public static final int OFFSET_STREAM = 8;
    public static final int OFFSET_PAYLOAD_LENGTH = 10;
    public static final int OFFSET_SEQUENCE = 12;
    public static final int OFFSET_FRAME = 16;
    public static final int OFFSET_CHUNK_INDEX = 20;
    public static final int OFFSET_CHUNK_COUNT = 22;
    public static final int OFFSET_TIMESTAMP = 24;

    private MediaPacket() {
    }

    /**
     * Whether {@code length} bytes at {@code offset} form a valid packet: header fields, the payload
     * length against the datagram length, chunk fields and the payload size each type needs.
     * Reads only the header, so a receiver may pass a copy of the first {@value #HEADER_LENGTH}
     * bytes with the datagram's real length.
     *
     * @return {@code null} when valid, otherwise why not
     */
    public static Malformation check(byte[] b, int offset, int length) {
        if (length < HEADER_LENGTH || b.length - offset < HEADER_LENGTH) {
            return Malformation.TRUNCATED;
        }
        if (length > MAX_DATAGRAM) {
            return Malformation.OVERSIZED;
        }
        if (u8(b, offset + OFFSET_MAGIC) != MAGIC) {
            return Malformation.BAD_MAGIC;
        }
        if (u8(b, offset + OFFSET_VERSION) != VERSION) {
            return Malformation.BAD_VERSION;
        }
        PacketType type = type(b, offset);
        if (type == null) {
            return Malformation.BAD_TYPE;
        }
        MediaKind kind = kind(b, offset);
        if (kind == null || !kindFits(type, kind)) {
            return Malformation.BAD_KIND;
        }
        if (HEADER_LENGTH + payloadLength(b, offset) != length) {
            return Malformation.BAD_LENGTH;
        }
        int count = chunkCount(b, offset);
        int index = chunkIndex(b, offset);
        if (type == PacketType.VIDEO ? count == 0 || index >= count : index > 0 && index >= count) {
            return Malformation.BAD_CHUNK;
        }
        return payloadFits(type, payloadLength(b, offset)) ? null : Malformation.BAD_PAYLOAD;
    }

    /** The packet type, or {@code null} for an unknown code. */
    public static PacketType type(byte[] b, int offset) {
        return PacketType.fromCode(u8(b, offset + OFFSET_TYPE));
    }

    /** The media kind, or {@code null} for an unknown nibble. */
    public static MediaKind kind(byte[] b, int offset) {
        return MediaKind.fromCode(u8(b, offset + OFFSET_KIND_FLAGS) >>> 4);
    }

    public static int flags(byte[] b, int offset) {
        return u8(b, offset + OFFSET_KIND_FLAGS) & 0x0F;
    }

    public static int sessionId(byte[] b, int offset) {
        return i32(b, offset + OFFSET_SESSION);
    }

    public static int streamId(byte[] b, int offset) {
        return u16(b, offset + OFFSET_STREAM);
    }

    public static int payloadLength(byte[] b, int offset) {
        return u16(b, offset + OFFSET_PAYLOAD_LENGTH);
    }

    /** Unsigned, as a long. */
    public static long sequence(byte[] b, int offset) {
        return i32(b, offset + OFFSET_SEQUENCE) & 0xFFFF_FFFFL;
    }

    /** Unsigned, as a long. */
    public static long frameNumber(byte[] b, int offset) {
        return i32(b, offset + OFFSET_FRAME) & 0xFFFF_FFFFL;
    }

    public static int chunkIndex(byte[] b, int offset) {
        return u16(b, offset + OFFSET_CHUNK_INDEX);
    }

    public static int chunkCount(byte[] b, int offset) {
        return u16(b, offset + OFFSET_CHUNK_COUNT);
    }

    /** Unsigned milliseconds, as a long. */
    public static long timestamp(byte[] b, int offset) {
        return i32(b, offset + OFFSET_TIMESTAMP) & 0xFFFF_FFFFL;
    }

    /** Where the payload starts. */
    public static int payloadOffset(int offset) {
        return offset + HEADER_LENGTH;
    }

    /**
     * Writes a header. {@code payloadLength} must be what follows; values wider than their field
     * are cut to it (sequence, frame and timestamp wrap).
     *
     * @throws IllegalArgumentException for a payload over {@value #MAX_PAYLOAD} bytes or flags over a nibble
     */
    public static void writeHeader(byte[] b, int offset, PacketType type, MediaKind kind, int flags, int sessionId,
                                   int streamId, long sequence, long frame, int chunkIndex, int chunkCount,
                                   long timestamp, int payloadLength) {
        if (payloadLength < 0 || payloadLength > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payloadLength + " bytes (at most " + MAX_PAYLOAD + ")");
        }
        if ((flags & ~0x0F) != 0) {
            throw new IllegalArgumentException("flags must fit in 4 bits");
        }
        b[offset + OFFSET_MAGIC] = (byte) MAGIC;
        b[offset + OFFSET_VERSION] = (byte) VERSION;
        b[offset + OFFSET_TYPE] = (byte) type.code();
        b[offset + OFFSET_KIND_FLAGS] = (byte) (kind.code() << 4 | flags);
        putI32(b, offset + OFFSET_SESSION, sessionId);
        putU16(b, offset + OFFSET_STREAM, streamId);
        putU16(b, offset + OFFSET_PAYLOAD_LENGTH, payloadLength);
        putI32(b, offset + OFFSET_SEQUENCE, (int) sequence);
        putI32(b, offset + OFFSET_FRAME, (int) frame);
        putU16(b, offset + OFFSET_CHUNK_INDEX, chunkIndex);
        putU16(b, offset + OFFSET_CHUNK_COUNT, chunkCount);
        putI32(b, offset + OFFSET_TIMESTAMP, (int) timestamp);
    }

    /** A control packet (no media fields) with the given payload, as a new array. */
    public static byte[] control(PacketType type, int sessionId, byte[] payload) {
        byte[] packet = new byte[HEADER_LENGTH + payload.length];
        writeHeader(packet, 0, type, MediaKind.NONE, 0, sessionId, 0, 0, 0, 0, 0, 0, payload.length);
        System.arraycopy(payload, 0, packet, HEADER_LENGTH, payload.length);
        return packet;
    }

    private static boolean kindFits(PacketType type, MediaKind kind) {
        return switch (type) {
            case AUDIO -> kind == MediaKind.AUDIO;
            case VIDEO -> kind == MediaKind.VIDEO || kind == MediaKind.SCREEN;
            default -> kind == MediaKind.NONE;
        };
    }

    private static boolean payloadFits(PacketType type, int length) {
        return switch (type) {
            case JOIN -> length >= JoinRequest.MIN_LENGTH;
            case JOIN_ACK -> length == JoinAck.LENGTH;
            case JOIN_ERR -> length == JoinError.LENGTH;
            case LEAVE, KEEPALIVE -> length == 0;
            case AUDIO -> length >= AudioPayload.MIN_LENGTH;
            case VIDEO -> length > 0;
            case STATE -> length == StatePayload.LENGTH;
            case REPORT -> length == ReceiverReport.LENGTH;
        };
    }

    // ---------------------------------------------------------------- big-endian helpers (package use too)

    static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF;
    }

    static int i32(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
    }

    static long i64(byte[] b, int i) {
        return (long) i32(b, i) << 32 | i32(b, i + 4) & 0xFFFF_FFFFL;
    }

    static void putU16(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 8);
        b[i + 1] = (byte) v;
    }

    static void putI32(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
    }

    static void putI64(byte[] b, int i, long v) {
        putI32(b, i, (int) (v >>> 32));
        putI32(b, i + 4, (int) v);
    }
}
