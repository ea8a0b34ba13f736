import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/**
 * The compose stage's check that a media relay answers at an address it advertises: sends a media-wire
 * JOIN (docs/MEDIA_PROTOCOL.md) with a ticket that is not one, from a socket of its own, and expects the
 * relay's JOIN_ERR back. Run from source, no build needed: {@code java .ci/RelayReach.java host:port...}.
 * Exits 1 naming every address that did not answer.
 */
public class RelayReach {

    private static final int HEADER = 28;
    private static final byte MAGIC = 0x48;
    private static final byte VERSION = 1;
    private static final byte JOIN = 1;
    private static final byte JOIN_ERR = 3;
    private static final byte[] NOT_A_TICKET = new byte[64];

    public static void main(String[] args) throws Exception {
        int silent = 0;
        for (String address : args) {
            int colon = address.lastIndexOf(':');
            InetSocketAddress relay = new InetSocketAddress(address.substring(0, colon),
                Integer.parseInt(address.substring(colon + 1)));
            int reason = ask(relay);
            if (reason < 0) {
                System.out.println(address + ": no answer");
                silent++;
            } else {
                System.out.println(address + ": JOIN_ERR reason " + reason + " (a relay answers there)");
            }
        }
        System.exit(silent == 0 ? 0 : 1);
    }

    /** The JOIN_ERR reason the relay answers with, or -1 after three unanswered tries. */
    private static int ask(InetSocketAddress relay) throws Exception {
        byte[] join = join();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(1_000);
            byte[] answer = new byte[1_500];
            for (int attempt = 0; attempt < 3; attempt++) {
                socket.send(new DatagramPacket(join, join.length, relay));
                try {
                    DatagramPacket packet = new DatagramPacket(answer, answer.length);
                    socket.receive(packet);
                    if (packet.getLength() >= HEADER + 1 && answer[0] == MAGIC && answer[1] == VERSION
                        && answer[2] == JOIN_ERR) {
                        return answer[HEADER] & 0xFF;
                    }
                } catch (SocketTimeoutException e) {
                    // once more
                }
            }
        }
        return -1;
    }

    /** Header: magic, version, type, kind/flags, session 0, stream 0, payload length, then zeros; payload:
     * project id (u64), ticket length (u16), ticket. */
    private static byte[] join() {
        int payload = 8 + 2 + NOT_A_TICKET.length;
        return ByteBuffer.allocate(HEADER + payload)
            .put(MAGIC).put(VERSION).put(JOIN).put((byte) 0).putInt(0).putShort((short) 0).putShort((short) payload)
            .put(new byte[16])
            .putLong(1).putShort((short) NOT_A_TICKET.length).put(NOT_A_TICKET)
            .array();
    }
}
