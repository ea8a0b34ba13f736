package dev.huddle.bench;

import dev.huddle.client.media.Call;
import dev.huddle.client.media.CallStats;
import dev.huddle.client.media.PeerStats;
import dev.huddle.media.wire.JoinRequest;
import dev.huddle.media.wire.MediaKind;
import dev.huddle.media.wire.MediaPacket;
import dev.huddle.media.wire.PacketType;
import dev.huddle.server.token.SigningKey;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Glass-to-glass latency of a two-person call on loopback, 640×480 at 15 fps: the relay's own data
 * path in this JVM, two {@link Call}s with the synthetic camera and a tone, latency read from the
 * capture time drawn in each received picture (capture → encode → paced chunks → relay → reassembly →
 * decode). The reference, measured in the same run before and after the call: the round trip of a
 * 1,200-byte datagram between two raw sockets through the same relay, no coding at all.
 *
 * <pre>CallLatencyBench [seconds, default 20]</pre>
 */
public final class CallLatencyBench {

    private static final int PINGS = 2_000;

    private CallLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        BenchRelay relay = BenchRelay.open();
        InetSocketAddress at = relay.at;
        SigningKey key = relay.key;
        int member = 0;

        List<Long> before = roundTrips(at, key, member++, member++);

        List<Long> latencies = new ArrayList<>();
        CallStats last;
        try (Call alice = relay.join(member++, "alice"); Call bob = relay.join(member++, "bob")) {
            Thread.sleep(2_000); // warm-up: JIT, first frames; these latencies are dropped below
            alice.stats();
            bob.stats();
            for (int s = 0; s < seconds; s++) {
                Thread.sleep(1_000);
                for (Call call : List.of(alice, bob)) {
                    call.stats().peers().forEach(p -> latencies.addAll(p.latencies()));
                }
            }
            last = alice.stats();
            print("call, alice's view", last);
            print("call, bob's view", bob.stats());
        }

        List<Long> after = roundTrips(at, key, member++, member);
        relay.close();

        Collections.sort(latencies);
        Collections.sort(before);
        Collections.sort(after);
        double refP50 = Math.max(1, pct(before, 50) + pct(after, 50)) / 2e3;
        System.out.printf(Locale.ROOT, "glass-to-glass over %d frames: p50 %d ms, p99 %d ms%n", latencies.size(),
            pct(latencies, 50), pct(latencies, 99));
        System.out.printf(Locale.ROOT, "reference 1,200-byte round trip through the relay, %d pings before / after:"
                + " p50 %d / %d µs, p99 %d / %d µs%n", PINGS, pct(before, 50), pct(after, 50), pct(before, 99), pct(after, 99));
        System.out.printf(Locale.ROOT, "ratio glass-to-glass p50 / reference round trip p50: %.0f×%n",
            pct(latencies, 50) / refP50);
        System.exit(0);
    }

    private static void print(String title, CallStats stats) {
        System.out.printf(Locale.ROOT, "%s: sent %d frames (%.1f KB each), encode %.2f ms/frame, decode %.2f "
                + "ms/frame%n", title, stats.framesSent(), stats.bytesSent() / 1e3 / Math.max(1, stats.framesSent()),
            stats.encodeMillis(), stats.decodeMillis());
        for (PeerStats peer : stats.peers()) {
            System.out.printf(Locale.ROOT, "  from %s: %d complete, %d shown, %d superseded, %d incomplete, "
                    + "audio %d played / %d concealed, loss %.2f %%%n", peer.name(), peer.framesComplete(),
                peer.framesShown(), peer.framesSuperseded(), peer.framesIncomplete(), peer.audioPlayed(),
                peer.audioConcealed(), peer.lossPercent());
        }
    }

    /** Round trips in µs of a 1,200-byte AUDIO datagram: one raw member to the other and back, via the relay. */
    private static List<Long> roundTrips(InetSocketAddress relay, SigningKey key, int a, int b) throws Exception {
        try (RawMember first = join(relay, key, a); RawMember second = join(relay, key, b)) {
            DatagramSocket one = first.socket();
            DatagramSocket two = second.socket();
            int sessionOne = first.session();
            int sessionTwo = second.session();
            byte[] buffer = new byte[MediaPacket.MAX_DATAGRAM];
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < PINGS + 200; i++) {
                long start = System.nanoTime();
                one.send(audio(sessionOne, i, relay));
                DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                two.receive(in);
                two.send(audio(sessionTwo, i, relay));
                in = new DatagramPacket(buffer, buffer.length);
                one.receive(in);
                if (i >= 200) { // the first ones warm up the JIT on both ends
                    micros.add((System.nanoTime() - start) / 1_000);
                }
            }
            return micros;
        }
    }

    /** A plain socket joined to call 1 as relay session {@code session}. */
    private record RawMember(DatagramSocket socket, int session) implements AutoCloseable {
        @Override
        public void close() {
            socket.close();
        }
    }

    private static RawMember join(InetSocketAddress relay, SigningKey key, int index) throws Exception {
        DatagramSocket socket = new DatagramSocket();
        socket.setSoTimeout(15_000); // the first ticket check is cold (class loading, JIT); a busy machine slows it
        byte[] join = new JoinRequest(1, UdpLoad.ticket(key, index)).toPacket();
        socket.send(new DatagramPacket(join, join.length, relay));
        byte[] buffer = new byte[MediaPacket.MAX_DATAGRAM];
        DatagramPacket ack = new DatagramPacket(buffer, buffer.length);
        socket.receive(ack);
        if (MediaPacket.check(buffer, 0, ack.getLength()) != null || MediaPacket.type(buffer, 0) != PacketType.JOIN_ACK) {
            throw new IllegalStateException("the relay did not accept the bench's ticket");
        }
        socket.setSoTimeout(1_000);
        return new RawMember(socket, MediaPacket.sessionId(buffer, 0));
    }

    private static DatagramPacket audio(int session, long sequence, InetSocketAddress relay) {
        byte[] packet = new byte[MediaPacket.MAX_DATAGRAM];
        MediaPacket.writeHeader(packet, 0, PacketType.AUDIO, MediaKind.AUDIO, 0, session, 0, sequence, sequence, 0, 1,
            0, MediaPacket.MAX_PAYLOAD);
        return new DatagramPacket(packet, packet.length, relay);
    }

    /** The nearest-rank percentile of a sorted list, -1 for an empty one. */
    static long pct(List<Long> sorted, int percent) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
