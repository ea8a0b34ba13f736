package dev.huddle.relay.path;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.media.wire.JoinError;
import dev.huddle.media.wire.JoinRequest;
import dev.huddle.media.wire.MediaKind;
import dev.huddle.media.wire.MediaPacket;
import dev.huddle.media.wire.PacketType;
import dev.huddle.media.wire.ReceiverReport;
import dev.huddle.media.wire.StatePayload;
import dev.huddle.server.bus.media.CallEvent;
import dev.huddle.server.media.MediaTicket;
import dev.huddle.server.media.MediaTicketCodec;
import dev.huddle.server.testing.MutableClock;
import dev.huddle.server.token.PublicKeyRing;
import dev.huddle.server.token.SigningKey;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The packet path without sockets: datagrams in and out of an embedded channel. */
class RelayHandlerTest {

    private static final InetSocketAddress RELAY = new InetSocketAddress("127.0.0.1", 10_000);
    private static final long ROOM = 7;

    private final MutableClock clock = MutableClock.atFixedInstant();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final SigningKey key = SigningKey.generate();
    private final RelayCounters counters = new RelayCounters();
    private final List<CallEvent> events = new ArrayList<>();
    /** Datagrams handed to the kernel per flush, i.e. per {@code sendmmsg} on the real socket. */
    private final List<Integer> flushes = new ArrayList<>();
    /** How long each flush takes on the handler's clock (the rate limits run on it too, so 0 unless a test says). */
    private long flushNanos;
    private final PathConfig config = new PathConfig("relay-1", new RateLimits(200, 10_000_000), 1_000,
        Duration.ofSeconds(2), Duration.ofSeconds(10), 1 << 20);
    private final RelayHandler handler;
    private final EmbeddedChannel channel;
    private int nextUser = 1;

    RelayHandlerTest() {
        PublicKeyRing keys = new PublicKeyRing();
        keys.add(key.kid(), key.publicKey());
        TicketCheck tickets = new TicketCheck("relay-1", keys, clock, new BouncyCastleProvider(), () -> {
        });
        handler = new RelayHandler(config, tickets, counters, events::add, clock, nanos::get);
        channel = new EmbeddedChannel(new FlushRecorder(), handler);
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void forwardsEachMembersMediaToTheOthersNeverBackToItsSender() {
        Member alice = join(ROOM);
        Member bob = join(ROOM);
        Member carol = join(ROOM);
        Member elsewhere = join(ROOM + 1);

        receive(alice.address, audio(alice.session, "hi"));
        List<DatagramPacket> sent = sent();
        assertThat(sent).extracting(DatagramPacket::recipient).containsExactlyInAnyOrder(bob.address, carol.address);
        assertThat(sent).allSatisfy(p -> assertThat(bytes(p)).isEqualTo(audio(alice.session, "hi")));
        release(sent);
        assertThat(elsewhere.session).isNotEqualTo(alice.session);
        assertThat(events).hasSize(4).allMatch(e -> e instanceof CallEvent.Joined);
        counters.publish();
        assertThat(counters.packetsIn()).isEqualTo(5);
    }

    @Test
    void malformedDatagramsAndSourcesWithoutASessionAreDroppedCountedAndNeverAnswered() {
        Member alice = join(ROOM);
        join(ROOM);
        InetSocketAddress stranger = new InetSocketAddress("127.0.0.1", 40_000);
        receive(stranger, new byte[] {1, 2, 3});
        receive(stranger, audio(alice.session, "spoofed"));
        byte[] badMagic = audio(alice.session, "x");
        badMagic[0] = 'X';
        receive(alice.address, badMagic);
        assertThat(sent()).isEmpty();
        assertThat(counters.drops(DropReason.TRUNCATED)).isEqualTo(1);
        assertThat(counters.drops(DropReason.NOT_JOINED)).isEqualTo(1);
        assertThat(counters.drops(DropReason.BAD_MAGIC)).isEqualTo(1);
    }

    @Test
    void aRefusedJoinIsAnsweredWithFewerBytesThanItCarried() {
        byte[] join = new JoinRequest(ROOM, new byte[] {9, 9, 9}).toPacket();
        InetSocketAddress from = new InetSocketAddress("127.0.0.1", 40_001);
        receive(from, join);
        List<DatagramPacket> sent = sent();
        assertThat(sent).hasSize(1);
        byte[] answer = bytes(sent.get(0));
        assertThat(answer.length).isLessThan(join.length);
        assertThat(JoinError.read(answer, 0).reason()).isEqualTo(JoinError.Reason.BAD_TICKET);
        release(sent);
        assertThat(counters.drops(DropReason.JOIN_REFUSED)).isEqualTo(1);
    }

    @Test
    void aFloodingSourceIsCutAtItsRateAndTheRestStillFlows() {
        Member flooder = join(ROOM);
        Member listener = join(ROOM);
        for (int i = 0; i < 200; i++) {
            receive(flooder.address, audio(flooder.session, "flood"));
        }
        List<DatagramPacket> sent = sent();
        long passed = sent.size();
        release(sent);
        assertThat(passed).as("the burst allowance, a quarter second at 200/s but at least 64").isEqualTo(64);
        assertThat(counters.drops(DropReason.RATE_LIMITED)).isEqualTo(200 - 64);
        receive(listener.address, audio(listener.session, "still heard"));
        List<DatagramPacket> heard = sent();
        assertThat(heard).extracting(DatagramPacket::recipient).containsExactly(flooder.address);
        release(heard);
    }

    @Test
    void keepalivesAreEchoedAndReportsGoOnlyToTheSenderReportedOn() {
        Member alice = join(ROOM);
        Member bob = join(ROOM);
        join(ROOM);
        receive(alice.address, MediaPacket.control(PacketType.KEEPALIVE, alice.session, new byte[0]));
        List<DatagramPacket> echo = sent();
        assertThat(echo).extracting(DatagramPacket::recipient).containsExactly(alice.address);
        release(echo);
        receive(alice.address, new ReceiverReport(bob.session, 10, 1, 5, 300).toPacket(alice.session));
        List<DatagramPacket> report = sent();
        assertThat(report).extracting(DatagramPacket::recipient).containsExactly(bob.address);
        release(report);
    }

    @Test
    void aStateChangeIsForwardedAndPublishedOnceAndLeaveEndsTheSession() {
        Member alice = join(ROOM);
        join(ROOM);
        events.clear();
        byte[] state = new StatePayload(true, false, false).toPacket(alice.session);
        receive(alice.address, state);
        receive(alice.address, state);
        release(sent());
        assertThat(events).hasSize(1).first().isInstanceOfSatisfying(CallEvent.StateChanged.class,
            e -> assertThat(e.member().mic()).isTrue());
        receive(alice.address, MediaPacket.control(PacketType.LEAVE, alice.session, new byte[0]));
        assertThat(events.get(1)).isInstanceOfSatisfying(CallEvent.Left.class,
            e -> assertThat(e.reason()).isEqualTo(CallEvent.LeaveReason.LEFT));
        receive(alice.address, audio(alice.session, "gone"));
        assertThat(sent()).isEmpty();
    }

    @Test
    void silentSessionsExpireAndRemovedMembersAreToldToLeave() {
        Member quiet = join(ROOM);
        Member kicked = join(ROOM);
        Member talker = join(ROOM);
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        receive(talker.address, audio(talker.session, "still here"));
        receive(kicked.address, audio(kicked.session, "me too"));
        release(sent());
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        handler.sweep();
        assertThat(handler.dropMember(ROOM, kicked.user)).isEqualTo(1);
        List<DatagramPacket> leaves = sent();
        assertThat(leaves).extracting(DatagramPacket::recipient).containsExactlyInAnyOrder(quiet.address,
            kicked.address);
        assertThat(leaves).allSatisfy(p -> assertThat(MediaPacket.type(bytes(p), 0)).isEqualTo(PacketType.LEAVE));
        release(leaves);
        assertThat(events).filteredOn(e -> e instanceof CallEvent.Left).extracting(e -> ((CallEvent.Left) e).reason())
            .containsExactly(CallEvent.LeaveReason.TIMEOUT, CallEvent.LeaveReason.REMOVED);
        assertThat(handler.members(ROOM)).extracting(CallEvent.CallMember::userId).containsExactly(talker.user);
    }

    @Test
    void aLongReadBatchIsFlushedEverySixteenDatagramsAndEachFlushsWaitIsCounted() {
        Member alice = join(ROOM);
        Member bob = join(ROOM);
        flushes.clear();
        flushNanos = 700_000; // 700 µs
        long[] before = residences();
        Object[] burst = new Object[40];
        for (int i = 0; i < burst.length; i++) {
            burst[i] = new DatagramPacket(Unpooled.wrappedBuffer(audio(alice.session, "burst " + i)), RELAY,
                alice.address);
        }
        // one read batch, as one recvmmsg wake-up hands it over
        channel.writeInbound(burst);
        counters.publish();

        // the first 16 datagrams' copies leave before the rest is read, not after all 40
        assertThat(flushes).containsExactly(16, 16, 8);
        List<DatagramPacket> sent = sent();
        assertThat(sent).hasSize(40).allSatisfy(p -> assertThat(p.recipient()).isEqualTo(bob.address));
        assertThat(bytes(sent.getFirst())).isEqualTo(audio(alice.session, "burst 0"));
        release(sent);
        // each flush took the recorder's 700 µs: all 40 datagrams counted in the 512-1,024 µs bucket, none elsewhere
        long[] after = residences();
        for (int i = 0; i < after.length; i++) {
            assertThat(after[i] - before[i]).as("datagrams in residence bucket <" + RelayCounters.RESIDENCE_BUCKETS[i])
                .isEqualTo(RelayCounters.RESIDENCE_BUCKETS[i].equals("1024") ? 40 : 0);
        }
        assertThat(counters.batches(List.of(RelayCounters.BATCH_BUCKETS).indexOf("32-63"))).isEqualTo(1);
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Stands where the socket's {@code sendmmsg} is: counts the datagrams each flush hands over and
     * makes each flush take {@link #flushNanos} of the handler's clock.
     */
    private final class FlushRecorder extends ChannelOutboundHandlerAdapter {
        private int pending;

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            pending++;
            ctx.write(msg, promise);
        }

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes.add(pending);
            pending = 0;
            nanos.addAndGet(flushNanos);
            ctx.flush();
        }
    }

    private long[] residences() {
        long[] counts = new long[RelayCounters.RESIDENCE_BUCKETS.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = counters.residences(i);
        }
        return counts;
    }

    private record Member(InetSocketAddress address, int session, long user) {
    }

    private Member join(long room) {
        long user = nextUser++;
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 20_000 + (int) user);
        MediaTicket ticket = new MediaTicket(room, user, "user" + user, "token" + user, "relay-1",
            clock.instant().plusSeconds(30), MediaTicket.Nonce.random());
        receive(address, new JoinRequest(room, MediaTicketCodec.sign(ticket, key)).toPacket());
        List<DatagramPacket> answers = sent();
        assertThat(answers).hasSize(1);
        byte[] ack = bytes(answers.get(0));
        release(answers);
        assertThat(MediaPacket.type(ack, 0)).isEqualTo(PacketType.JOIN_ACK);
        return new Member(address, MediaPacket.sessionId(ack, 0), user);
    }

    private void receive(InetSocketAddress from, byte[] datagram) {
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(datagram), RELAY, from));
        counters.publish();
    }

    private List<DatagramPacket> sent() {
        List<DatagramPacket> packets = new ArrayList<>();
        for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            packets.add((DatagramPacket) out);
        }
        return packets;
    }

    private static byte[] audio(int session, String text) {
        byte[] payload = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] packet = new byte[MediaPacket.HEADER_LENGTH + payload.length];
        MediaPacket.writeHeader(packet, 0, PacketType.AUDIO, MediaKind.AUDIO, 0, session, 0, 1, 1, 0, 1, 0,
            payload.length);
        System.arraycopy(payload, 0, packet, MediaPacket.HEADER_LENGTH, payload.length);
        return packet;
    }

    private static byte[] bytes(DatagramPacket packet) {
        ByteBuf content = packet.content();
        return ByteBufUtil.getBytes(content, content.readerIndex(), content.readableBytes());
    }

    private static void release(List<DatagramPacket> packets) {
        packets.forEach(DatagramPacket::release);
    }
}
