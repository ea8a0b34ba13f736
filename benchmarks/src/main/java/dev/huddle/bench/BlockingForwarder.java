package dev.huddle.bench;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * The baseline {@link UdpLoad} compares the relay with: the plainest forwarder java.net allows, one
 * blocking {@code receive} and one {@code send} per copy, 4 MiB socket buffers.
 *
 * <pre>BlockingForwarder &lt;udp port&gt; &lt;target port&gt;[,&lt;target port&gt;...]</pre>
 */
public final class BlockingForwarder {

    private BlockingForwarder() {
    }

    public static void main(String[] args) throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        InetSocketAddress[] targets = Arrays.stream(args[1].split(","))
            .map(p -> new InetSocketAddress(loopback, Integer.parseInt(p))).toArray(InetSocketAddress[]::new);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopback, Integer.parseInt(args[0])))) {
            socket.setReceiveBufferSize(4 << 20);
            socket.setSendBufferSize(4 << 20);
            System.out.println("READY " + socket.getLocalPort());
            System.out.flush();
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // until the generator closes our standard input
                    }
                } catch (java.io.IOException ignored) {
                    // exit below
                }
                System.exit(0);
            });
            DatagramPacket packet = new DatagramPacket(new byte[2_048], 2_048);
            while (true) {
                packet.setLength(2_048);
                socket.receive(packet);
                for (InetSocketAddress target : targets) {
                    packet.setSocketAddress(target);
                    socket.send(packet);
                }
            }
        }
    }
}
