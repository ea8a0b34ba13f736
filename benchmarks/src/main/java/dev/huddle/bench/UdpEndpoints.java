package dev.huddle.bench;

import dev.huddle.media.wire.JoinRequest;
import dev.huddle.media.wire.MediaKind;
import dev.huddle.media.wire.MediaPacket;
import dev.huddle.media.wire.PacketType;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * The generator's sockets for {@link UdpLoad}: senders on one thread, receivers ("sinks") on another,
 * both on Netty's epoll transport so the generator itself reads and writes in batches. A sent
 * datagram is a valid media-wire AUDIO packet whose payload starts with its send time
 * ({@code System.nanoTime()}), so a receiver in this JVM knows each datagram's latency and whether it
 * belongs to the measured window.
 */
final class UdpEndpoints implements AutoCloseable {

    /**
     * What the receivers saw in one measured window; {@code generatorGcs} counts this JVM's collections
     * during it (each stops the generator's sender and receivers, and would be charged to the path measured).
     */
    record Window(long sent, long received, Histogram latencyMicros, long generatorGcs) {
    }

    private static final long TICK_MICROS = 200;
    private static final int STAMP_OFFSET = MediaPacket.HEADER_LENGTH;

    private final EventLoopGroup sendLoop = group("udpload-send");
    private final EventLoopGroup sinkLoop = group("udpload-sink");
    private final List<Channel> senders = new ArrayList<>();
    private final List<Endpoint> senderEndpoints = new ArrayList<>();
    private final List<Channel> sinks = new ArrayList<>();
    private final List<Endpoint> sinkEndpoints = new ArrayList<>();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    UdpEndpoints(int senderCount, int sinkCount) throws InterruptedException {
        for (int i = 0; i < senderCount; i++) {
            Endpoint endpoint = new Endpoint();
            senders.add(bind(sendLoop, endpoint));
            senderEndpoints.add(endpoint);
        }
        for (int i = 0; i < sinkCount; i++) {
            Endpoint endpoint = new Endpoint();
            sinks.add(bind(sinkLoop, endpoint));
            sinkEndpoints.add(endpoint);
        }
    }

    List<Integer> sinkPorts() {
        return sinks.stream().map(c -> ((InetSocketAddress) c.localAddress()).getPort()).toList();
    }

    /** Joins every socket to the relay's call with the ticket {@code ticketFor(i)} gives the i-th. */
    void joinAll(InetSocketAddress relay, IntFunction<byte[]> ticketFor) throws Exception {
        List<CompletableFuture<Integer>> acks = new ArrayList<>();
        List<Channel> all = new ArrayList<>(senders);
        all.addAll(sinks);
        List<Endpoint> endpoints = new ArrayList<>(senderEndpoints);
        endpoints.addAll(sinkEndpoints);
        for (int i = 0; i < all.size(); i++) {
            Endpoint endpoint = endpoints.get(i);
            acks.add(endpoint.joined);
            byte[] join = new JoinRequest(1, ticketFor.apply(i)).toPacket();
            all.get(i).writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(join), relay)).sync();
        }
        for (int i = 0; i < all.size(); i++) {
            int session = acks.get(i).get(5, TimeUnit.SECONDS);
            endpoints.get(i).sessionId = session;
            // as a real client does: receivers would otherwise time out, sending nothing
            Channel channel = all.get(i);
            byte[] keepalive = MediaPacket.control(PacketType.KEEPALIVE, session, new byte[0]);
            channel.eventLoop().scheduleAtFixedRate(() -> channel.writeAndFlush(
                new DatagramPacket(Unpooled.wrappedBuffer(keepalive), relay), channel.voidPromise()),
                1, 1, TimeUnit.SECONDS);
        }
    }

    /**
     * Sends {@code ratePerSecond} datagrams of {@code size} bytes per second in total to {@code targets}
     * (in turn) for warm-up plus window, and counts what the receivers get of the datagrams sent in the window.
     */
    Window run(List<InetSocketAddress> targets, int size, long ratePerSecond, long warmupMillis, long windowMillis)
        throws Exception {
        for (Endpoint sink : sinkEndpoints) {
            sinkLoop.submit(sink::reset).get();
        }
        for (Endpoint sender : senderEndpoints) {
            sendLoop.submit(sender::reset).get();
        }
        // the previous window's garbage goes now rather than in the middle of this one
        System.gc();
        long gcsBefore = collections();
        long start = System.nanoTime();
        windowStart = start + TimeUnit.MILLISECONDS.toNanos(warmupMillis);
        windowEnd = windowStart + TimeUnit.MILLISECONDS.toNanos(windowMillis);
        List<ScheduledFuture<?>> ticks = new ArrayList<>();
        for (int i = 0; i < senders.size(); i++) {
            Pacer pacer = new Pacer(senders.get(i), senderEndpoints.get(i), targets, size,
                ratePerSecond / senders.size(), start);
            ticks.add(senders.get(i).eventLoop().scheduleAtFixedRate(pacer, 0, TICK_MICROS, TimeUnit.MICROSECONDS));
        }
        TimeUnit.NANOSECONDS.sleep(windowEnd - System.nanoTime());
        ticks.forEach(t -> t.cancel(false));
        // stragglers still in socket buffers arrive within a few milliseconds
        TimeUnit.MILLISECONDS.sleep(300);
        long gcs = collections() - gcsBefore;
        long sent = 0;
        for (Endpoint sender : senderEndpoints) {
            sent += sendLoop.submit(() -> sender.sentInWindow).get();
        }
        long received = 0;
        Histogram latency = new Histogram(3);
        for (Endpoint sink : sinkEndpoints) {
            received += sinkLoop.submit(() -> sink.received).get();
            latency.add(sinkLoop.submit(() -> sink.latency.copy()).get());
        }
        for (Endpoint sender : senderEndpoints) {
            received += sendLoop.submit(() -> sender.received).get();
            latency.add(sendLoop.submit(() -> sender.latency.copy()).get());
        }
        windowStart = Long.MAX_VALUE;
        return new Window(sent, received, latency, gcs);
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
            .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(n -> n > 0).sum();
    }

    @Override
    public void close() {
        sendLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        sinkLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static EventLoopGroup group(String name) {
        return new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(name), EpollIoHandler.newFactory());
    }

    private static Channel bind(EventLoopGroup group, Endpoint endpoint) throws InterruptedException {
        return new Bootstrap().group(group).channel(EpollDatagramChannel.class)
            .option(ChannelOption.SO_RCVBUF, 4 << 20).option(ChannelOption.SO_SNDBUF, 4 << 20)
            .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(64 * 2_048).maxMessagesPerRead(128))
            .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, 2_048)
            .handler(endpoint)
            .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    /** One socket's receiving side; its fields belong to its event loop thread. */
    private final class Endpoint extends SimpleChannelInboundHandler<DatagramPacket> {
        final CompletableFuture<Integer> joined = new CompletableFuture<>();
        volatile int sessionId;
        long sentInWindow;
        long received;
        long sequence;
        Histogram latency = new Histogram(3);

        void reset() {
            sentInWindow = 0;
            received = 0;
            latency = new Histogram(3);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf content = packet.content();
            int at = content.readerIndex();
            if (content.readableBytes() < STAMP_OFFSET + 8
                || content.getByte(at + MediaPacket.OFFSET_TYPE) != PacketType.AUDIO.code()) {
                if (content.readableBytes() >= MediaPacket.HEADER_LENGTH
                    && content.getByte(at + MediaPacket.OFFSET_TYPE) == PacketType.JOIN_ACK.code()) {
                    joined.complete(content.getInt(at + MediaPacket.OFFSET_SESSION));
                }
                return;
            }
            long stamp = content.getLong(at + STAMP_OFFSET);
            if (stamp >= windowStart && stamp < windowEnd) {
                received++;
                latency.recordValue(Math.max(0, (System.nanoTime() - stamp) / 1_000));
            }
        }
    }

    /** Writes the datagrams due since the last tick, then flushes them as one batch. */
    private final class Pacer implements Runnable {
        private final Channel channel;
        private final Endpoint endpoint;
        private final List<InetSocketAddress> targets;
        private final byte[] template;
        private final double perNano;
        private final long start;
        private long written;

        Pacer(Channel channel, Endpoint endpoint, List<InetSocketAddress> targets, int size, long ratePerSecond,
              long start) {
            this.channel = channel;
            this.endpoint = endpoint;
            this.targets = targets;
            this.template = new byte[size];
            MediaPacket.writeHeader(template, 0, PacketType.AUDIO, MediaKind.AUDIO, 0, endpoint.sessionId, 1, 0, 0,
                0, 1, 0, size - MediaPacket.HEADER_LENGTH);
            this.perNano = ratePerSecond / 1e9;
            this.start = start;
        }

        @Override
        public void run() {
            long now = System.nanoTime();
            if (now >= windowEnd) {
                return;
            }
            long due = (long) ((now - start) * perNano);
            for (; written < due; written++) {
                ByteBuf buf = channel.alloc().directBuffer(template.length);
                buf.writeBytes(template);
                buf.setInt(MediaPacket.OFFSET_SEQUENCE, (int) endpoint.sequence++);
                buf.setLong(STAMP_OFFSET, now);
                if (now >= windowStart) {
                    endpoint.sentInWindow++;
                }
                channel.write(new DatagramPacket(buf, targets.get((int) (written % targets.size()))),
                    channel.voidPromise());
            }
            channel.flush();
        }
    }
}
