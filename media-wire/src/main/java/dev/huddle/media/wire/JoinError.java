package dev.huddle.media.wire;

/**
 * The payload of a {@link PacketType#JOIN_ERR}: why the relay refused a JOIN. The whole datagram
 * ({@value MediaPacket#HEADER_LENGTH} + {@value #LENGTH} bytes) is smaller than any JOIN, so a
 * refusal never amplifies.
 *
 * <pre>
 * +---------------+-----------------------------------------------+
 * |    reason     |                 reserved (0)                  |  0
 * +---------------+-----------------------------------------------+
 * </pre>
 */
public record JoinError(Reason reason) {

    public static final int LENGTH = 4;

    /** Why a join was refused. */
    public enum Reason {
        /** unreadable, or the signature does not verify. */
        BAD_TICKET(1),
        EXPIRED(2),
        /** the ticket was already used from another address. */
        REPLAYED(3),
        /** the ticket is for another call than the JOIN names. */
        WRONG_ROOM(4),
        /** the ticket is for another relay. */
        WRONG_RELAY(5),
        /** signed by a key the relay does not know (yet): ask room-service for a new ticket. */
        UNKNOWN_KEY(6),
        /** the relay is full or refusing joins for a moment; try again. */
        BUSY(7);

        private final int code;

        Reason(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** The reason for a code; an unknown code reads as {@link #BAD_TICKET}. */
        public static Reason fromCode(int code) {
            for (Reason reason : values()) {
                if (reason.code == code) {
                    return reason;
                }
            }
            return BAD_TICKET;
        }
    }

    public byte[] toPacket() {
        byte[] payload = new byte[LENGTH];
        payload[0] = (byte) reason.code();
        return MediaPacket.control(PacketType.JOIN_ERR, 0, payload);
    }

    /** Reads the payload of a JOIN_ERR that passed {@link MediaPacket#check}. */
    public static JoinError read(byte[] packet, int offset) {
        return new JoinError(Reason.fromCode(MediaPacket.u8(packet, MediaPacket.payloadOffset(offset))));
    }
}
