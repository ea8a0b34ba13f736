package dev.huddle.media.wire;

/**
 * What a datagram is (header byte 2). Control types travel between a client and the relay; media
 * types ({@link #AUDIO}, {@link #VIDEO}) and {@link #STATE} are forwarded to the other members of
 * the call; a {@link #REPORT} goes to the one sender it reports on.
 */
public enum PacketType {
    /** client → relay: {@link JoinRequest} (project id and media ticket). */
    JOIN(1),
    /** relay → client: the session is bound to this source address; {@link JoinAck}. */
    JOIN_ACK(2),
    /** relay → client: the join was refused; {@link JoinError}. Never larger than the JOIN. */
    JOIN_ERR(3),
    /** either way: the session ends now (a client hanging up, or the relay dropping a member). */
    LEAVE(4),
    /** client → relay, echoed back: keeps the session (and any NAT binding) alive. */
    KEEPALIVE(5),
    /** one audio frame (e.g. 20 ms of PCM or Opus) in one datagram. */
    AUDIO(6),
    /** one chunk of a video or screen frame (JPEG split to fit the MTU). */
    VIDEO(7),
    /** the sender's mic / camera / screen flags; {@link StatePayload}. */
    STATE(8),
    /** a receiver's loss and jitter for one sender; {@link ReceiverReport}. */
    REPORT(9);

    private static final PacketType[] BY_CODE = new PacketType[16];

    static {
        for (PacketType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;

    PacketType(int code) {
        this.code = code;
    }

    /** The value of header byte 2. */
    public int code() {
        return code;
    }

    /** Whether the relay forwards this type to other members of the call. */
    public boolean isForwarded() {
        return this == AUDIO || this == VIDEO || this == STATE;
    }

    /** The type for a header byte, or {@code null} for a code no type has. */
    public static PacketType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
