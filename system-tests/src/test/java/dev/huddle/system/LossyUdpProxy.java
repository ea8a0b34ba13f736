package dev.huddle.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP path between one client and the relay that loses a share of the client's datagrams on the
 * way to the relay (seeded, so a run can be repeated); the way back is clean, so the test controls
 * exactly which sender's media suffers. The client talks to {@link #port()}; the relay sees the
 * proxy's own socket as the client's address.
 */
final class LossyUdpProxy implements AutoCloseable {

    private final DatagramSocket front;
    private final DatagramSocket back;
    private final InetSocketAddress relay;
    private final double loss;
    private final Random random;
    private final AtomicLong dropped = new AtomicLong();
    private volatile SocketAddress client;

    LossyUdpProxy(String relayHost, int relayPort, double loss, long seed) {
        try {
            front = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            back = new DatagramSocket();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.relay = new InetSocketAddress(relayHost, relayPort);
        this.loss = loss;
        this.random = new Random(seed);
        Thread.ofPlatform().daemon().name("lossy-up").start(this::up);
        Thread.ofPlatform().daemon().name("lossy-down").start(this::down);
    }

    int port() {
        return front.getLocalPort();
    }

    long dropped() {
        return dropped.get();
    }

    private void up() {
        byte[] buffer = new byte[2048];
        try {
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                front.receive(packet);
                client = packet.getSocketAddress();
                if (random.nextDouble() < loss) {
                    dropped.incrementAndGet();
                    continue;
                }
                back.send(new DatagramPacket(buffer, packet.getLength(), relay));
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    private void down() {
        byte[] buffer = new byte[2048];
        try {
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                back.receive(packet);
                SocketAddress to = client;
                if (to != null) {
                    front.send(new DatagramPacket(buffer, packet.getLength(), to));
                }
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    @Override
    public void close() {
        front.close();
        back.close();
    }
}
