package dev.huddle.relay;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * Finds which port of a published range reaches this relay, for {@code docker compose up --scale
 * media-relay=N}: compose publishes {@code "10000-10009:10000/udp"}, Docker gives each replica one
 * host port of the range, and no replica is told which. Before the data path binds, the relay sends
 * a probe carrying a random token and the port it was sent to, to every port of the range on the
 * host (through the Docker host gateway); the probe that comes back to its own socket names its port.
 *
 * <p>Limits: the host must forward a container's traffic to its own published ports (Docker and
 * Podman do, through their gateway address); the probes cross the host's firewall like client
 * traffic; a port another program holds just stays silent.
 */
final class PortDiscovery {

    private static final byte[] MAGIC = "HUDDLE-PORT-PROBE".getBytes(StandardCharsets.US_ASCII);
    private static final int ROUNDS = 3;
    private static final int ROUND_MILLIS = 500;

    private PortDiscovery() {
    }

    /**
     * @param bindHost  where the relay's UDP socket binds (the socket is closed again before returning)
     * @param udpPort   the relay's UDP port inside the container
     * @param probeHost the host whose published ports are probed
     * @param first     first port of the published range
     * @param last      last port of the published range
     * @return the published port that reaches this relay, or empty when no probe came back
     */
    static OptionalInt discover(String bindHost, int udpPort, String probeHost, int first, int last)
        throws IOException {
        byte[] token = new byte[16];
        new SecureRandom().nextBytes(token);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(bindHost, udpPort))) {
            socket.setSoTimeout(50);
            byte[] received = new byte[64];
            for (int round = 0; round < ROUNDS; round++) {
                for (int port = first; port <= last; port++) {
                    byte[] probe = probe(token, port);
                    socket.send(new DatagramPacket(probe, probe.length, new InetSocketAddress(probeHost, port)));
                }
                long deadline = System.nanoTime() + ROUND_MILLIS * 1_000_000L;
                while (System.nanoTime() < deadline) {
                    DatagramPacket packet = new DatagramPacket(received, received.length);
                    try {
                        socket.receive(packet);
                    } catch (SocketTimeoutException e) {
                        continue;
                    }
                    OptionalInt port = portIn(token, Arrays.copyOf(received, packet.getLength()));
                    if (port.isPresent()) {
                        return port;
                    }
                }
            }
        }
        return OptionalInt.empty();
    }

    private static byte[] probe(byte[] token, int port) {
        return ByteBuffer.allocate(MAGIC.length + token.length + 2).put(MAGIC).put(token).putShort((short) port).array();
    }

    private static OptionalInt portIn(byte[] token, byte[] datagram) {
        int expected = MAGIC.length + token.length + 2;
        if (datagram.length != expected || !Arrays.equals(datagram, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
            || !Arrays.equals(datagram, MAGIC.length, MAGIC.length + token.length, token, 0, token.length)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(ByteBuffer.wrap(datagram, expected - 2, 2).getShort() & 0xFFFF);
    }
}
