package dev.huddle.client.media;

/**
 * What room-service answered to a call join ({@code POST /api/projects/{id}/call} or
 * {@code call_join}): where the relay is and the single-use ticket to present to it.
 *
 * @param ticket the ticket bytes, base64url-decoded; opaque to the client
 */
public record CallTicket(long projectId, String relayHost, int relayPort, byte[] ticket) {

    public CallTicket {
        ticket = ticket.clone();
    }

    @Override
    public byte[] ticket() {
        return ticket.clone();
    }

    /** The same ticket sent to another address (a proxy in between, {@code --relay}). */
    public CallTicket via(String host, int port) {
        return new CallTicket(projectId, host, port, ticket);
    }
}
