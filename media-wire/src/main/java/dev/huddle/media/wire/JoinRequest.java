package dev.huddle.media.wire;

import java.util.Arrays;

/**
 * The payload of a {@link PacketType#JOIN}: which call to join and the media ticket room-service
 * issued for it (opaque to clients; the relay verifies it).
 *
 * <pre>
 * +--------------------------------------------------------------+
 * |                     project id (64 bits)                     |  0
 * +------------------------------+-------------------------------+
 * |        ticket length         |  ticket ...                      8
 * +------------------------------+-------------------------------+
 * </pre>
 *
 * @param projectId the room whose call to join; must be the ticket's room
 * @param ticket    the ticket bytes (base64url-decoded from room-service's answer)
 */
public record JoinRequest(long projectId, byte[] ticket) {

    /** Project id, ticket length and at least one ticket byte. */
    public static final int MIN_LENGTH = 11;
    /** The largest ticket a JOIN can carry. */
    public static final int MAX_TICKET = MediaPacket.MAX_PAYLOAD - 10;

    public JoinRequest {
        if (ticket.length == 0 || ticket.length > MAX_TICKET) {
            throw new IllegalArgumentException("ticket of " + ticket.length + " bytes (1 to " + MAX_TICKET + ")");
        }
        ticket = ticket.clone();
    }

    @Override
    public byte[] ticket() {
        return ticket.clone();
    }

    /** The whole JOIN datagram. */
    public byte[] toPacket() {
        byte[] payload = new byte[10 + ticket.length];
        MediaPacket.putI64(payload, 0, projectId);
        MediaPacket.putU16(payload, 8, ticket.length);
        System.arraycopy(ticket, 0, payload, 10, ticket.length);
        return MediaPacket.control(PacketType.JOIN, 0, payload);
    }

    /**
     * Reads the payload of a JOIN that passed {@link MediaPacket#check}; {@code null} when the ticket
     * length disagrees with the payload.
     */
    public static JoinRequest read(byte[] packet, int offset) {
        int payload = MediaPacket.payloadOffset(offset);
        int length = MediaPacket.payloadLength(packet, offset);
        int ticketLength = MediaPacket.u16(packet, payload + 8);
        if (ticketLength == 0 || 10 + ticketLength != length) {
            return null;
        }
        return new JoinRequest(MediaPacket.i64(packet, payload),
            Arrays.copyOfRange(packet, payload + 10, payload + 10 + ticketLength));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JoinRequest r && r.projectId == projectId && Arrays.equals(r.ticket, ticket);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(projectId) * 31 + Arrays.hashCode(ticket);
    }

    @Override
    public String toString() {
        return "JoinRequest[projectId=" + projectId + ", ticket=" + ticket.length + " bytes]";
    }
}
