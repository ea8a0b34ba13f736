package dev.huddle.relay.path;

import dev.huddle.media.wire.Malformation;
import java.util.Locale;

/** Why the relay dropped a datagram; each is a {@code reason} tag of {@code huddle_relay_drops_total}. */
public enum DropReason {
    TRUNCATED, OVERSIZED, BAD_MAGIC, BAD_VERSION, BAD_TYPE, BAD_KIND, BAD_LENGTH, BAD_CHUNK, BAD_PAYLOAD,
    /** from an address without a session, or naming a session that is not the sender's. */
    NOT_JOINED,
    /** over the source's packets/s or bytes/s. */
    RATE_LIMITED,
    /** a JOIN refused (answered with JOIN_ERR). */
    JOIN_REFUSED,
    /** a JOIN over the relay's joins-per-second budget (answered BUSY). */
    JOIN_THROTTLED,
    /** a type a client never sends (JOIN_ACK, JOIN_ERR). */
    UNEXPECTED_TYPE,
    /** a REPORT on a session not in the sender's call. */
    UNROUTABLE_REPORT,
    /** the socket's send queue was full: the datagram for one receiver was not sent. */
    SEND_QUEUE_FULL;

    private static final DropReason[] BY_MALFORMATION = new DropReason[Malformation.values().length];

    static {
        for (Malformation m : Malformation.values()) {
            BY_MALFORMATION[m.ordinal()] = valueOf(m.name());
        }
    }

    static DropReason of(Malformation malformation) {
        return BY_MALFORMATION[malformation.ordinal()];
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
