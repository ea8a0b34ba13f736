package dev.huddle.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * What Docker does for {@code --scale}, played on loopback: three consecutive "published" ports on
 * 127.0.0.1 (the host), each forwarding to one replica's socket on 127.0.0.2 (its container), like
 * the NAT rule. Each replica finds its own.
 */
class PortDiscoveryTest {

    @Test
    void eachReplicaFindsThePublishedPortThatReachesIt() throws Exception {
        List<Integer> replicas = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            replicas.add(freeUdpPort(CONTAINER));
        }
        List<Forward> published = consecutiveForwards(replicas);
        try {
            int first = published.get(0).port();
            int last = published.get(2).port();
            for (int i = 0; i < 3; i++) {
                OptionalInt found = PortDiscovery.discover(CONTAINER, replicas.get(i), HOST, first, last);
                assertThat(found).as("replica " + i).hasValue(published.get(i).port());
            }
        } finally {
            published.forEach(Forward::close);
        }
    }

    @Test
    void nothingComesBackWhenNoPortOfTheRangeReachesTheRelay() throws Exception {
        int nobody = freeUdpPort(HOST);
        assertThat(PortDiscovery.discover(CONTAINER, freeUdpPort(CONTAINER), HOST, nobody, nobody)).isEmpty();
    }

    private static final String HOST = "127.0.0.1";
    private static final String CONTAINER = "127.0.0.2";

    private static int freeUdpPort(String host) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(host, 0))) {
            return socket.getLocalPort();
        }
    }

    /** Forwards on three consecutive host ports, as a published range is. */
    private static List<Forward> consecutiveForwards(List<Integer> replicas) throws IOException {
        for (int base = 20_000 + new java.util.Random().nextInt(20_000); ; base += 3) {
            List<Forward> forwards = new ArrayList<>();
            try {
                for (int i = 0; i < replicas.size(); i++) {
                    forwards.add(Forward.to(base + i, replicas.get(i)));
                }
                return forwards;
            } catch (java.net.BindException taken) {
                forwards.forEach(Forward::close);
            }
        }
    }

    /** A published port: forwards each datagram to the replica's port, as the NAT rule would. */
    private record Forward(DatagramSocket socket, Thread thread) {
        static Forward to(int port, int replica) throws IOException {
            DatagramSocket socket = new DatagramSocket(new InetSocketAddress(HOST, port));
            Thread thread = Thread.ofPlatform().daemon().start(() -> {
                byte[] buffer = new byte[2_048];
                while (!socket.isClosed()) {
                    try {
                        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                        socket.receive(packet);
                        packet.setSocketAddress(new InetSocketAddress(CONTAINER, replica));
                        socket.send(packet);
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            return new Forward(socket, thread);
        }

        int port() {
            return socket.getLocalPort();
        }

        void close() {
            socket.close();
        }
    }
}
