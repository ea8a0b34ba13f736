package dev.huddle.client.media;

import dev.huddle.media.wire.JoinAck;
import dev.huddle.media.wire.JoinError;
import dev.huddle.media.wire.JoinRequest;
import dev.huddle.media.wire.MediaPacket;
import dev.huddle.media.wire.PacketType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * One UDP socket to the relay: the JOIN handshake, then sending datagrams with the session id the
 * relay granted. Sends are thread-safe ({@link DatagramSocket#send} is); one thread receives.
 */
final class CallLink implements AutoCloseable {

    /** The relay refused the ticket, or never answered. */
    static final class JoinFailed extends RuntimeException {
        JoinFailed(String message) {
            super(message);
        }
    }

    private final DatagramSocket socket;
    private final InetSocketAddress relay;
    private int sessionId;
    private JoinAck ack;

    CallLink(String host, int port) {
        try {
            this.socket = new DatagramSocket();
            this.socket.setReceiveBufferSize(4 << 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.relay = new InetSocketAddress(host, port);
    }

    /**
     * Sends JOIN until JOIN_ACK (the relay answers a repeated JOIN the same way). {@code UNKNOWN_KEY}
     * means the relay is still fetching room-service's key: the same ticket is sent again.
     */
    void join(long projectId, byte[] ticket, Duration timeout) {
        byte[] join = new JoinRequest(projectId, ticket).toPacket();
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[MediaPacket.MAX_DATAGRAM];
        try {
            socket.setSoTimeout(250);
            while (System.nanoTime() < deadline) {
                send(join);
                DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(answer);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                if (MediaPacket.check(buffer, 0, answer.getLength()) != null) {
                    continue;
                }
                PacketType type = MediaPacket.type(buffer, 0);
                if (type == PacketType.JOIN_ACK) {
                    sessionId = MediaPacket.sessionId(buffer, 0);
                    ack = JoinAck.read(buffer, 0);
                    socket.setSoTimeout(0);
                    return;
                }
                if (type == PacketType.JOIN_ERR) {
                    JoinError.Reason reason = JoinError.read(buffer, 0).reason();
                    if (reason != JoinError.Reason.UNKNOWN_KEY && reason != JoinError.Reason.BUSY) {
                        throw new JoinFailed("the relay refused the ticket: " + reason);
                    }
                    pause(); // the relay is fetching the key or is busy: not a JOIN per round trip
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new JoinFailed("no answer from the relay at " + relay);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JoinFailed("interrupted while joining");
        }
    }

    int sessionId() {
        return sessionId;
    }

    JoinAck ack() {
        return ack;
    }

    void send(byte[] packet) {
        try {
            socket.send(new DatagramPacket(packet, packet.length, relay));
        } catch (IOException e) {
            // a full send buffer or an ICMP error: the datagram is lost like any other on UDP
        }
    }

    /** Blocks for the next datagram; its length in {@code into}. */
    void receive(DatagramPacket into) throws IOException {
        socket.receive(into);
    }

    @Override
    public void close() {
        socket.close();
    }
}
