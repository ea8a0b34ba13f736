package dev.huddle.relay.path;

import dev.huddle.server.bus.media.CallEvent.CallMember;
import dev.huddle.server.token.PublicKeyRing;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.security.Provider;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The relay's UDP socket and the one thread that serves it, outside Vert.x: Netty's native epoll
 * transport reads up to {@value #READ_BATCH} datagrams per {@code recvmmsg} into one pooled direct
 * buffer (each datagram a slice of it) and sends each batch's writes with {@code sendmmsg}. Where
 * epoll is not available (not Linux) the NIO transport serves the same handler, one datagram per
 * system call.
 *
 * <p>The control side (Vert.x verticles) acts on sessions only through {@link #run}, which queues the
 * work on the data path's thread: the session table needs no lock.
 */
public final class UdpDataPath {

    /** Datagrams read per {@code recvmmsg}. */
    static final int READ_BATCH = 64;
    /** Receive slot per datagram: above the protocol's 1,200 bytes so an oversized one is seen as such. */
    static final int SLOT_BYTES = 2_048;
    private static final long SWEEP_SECONDS = 1;

    private final EventLoopGroup group;
    private final Channel channel;
    private final RelayHandler handler;
    private final boolean nativeTransport;

    private UdpDataPath(EventLoopGroup group, Channel channel, RelayHandler handler, boolean nativeTransport) {
        this.group = group;
        this.channel = channel;
        this.handler = handler;
        this.nativeTransport = nativeTransport;
    }

    /**
     * Binds the UDP socket and starts serving.
     *
     * @param keys     room-service's ticket keys (filled by the control side)
     * @param provider the Ed25519 implementation for ticket signatures
     * @param keyWanted called (on the data path thread) when a ticket names a key not in {@code keys}
     */
    public static CompletionStage<UdpDataPath> open(String host, int port, PathConfig config, PublicKeyRing keys,
                                                    Provider provider, Runnable keyWanted, RelayCounters counters,
                                                    CallListener calls, Clock clock) {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("media-relay-udp"), io);
        TicketCheck tickets = new TicketCheck(config.relayId(), keys, clock, provider, keyWanted);
        RelayHandler handler = new RelayHandler(config, tickets, counters, calls, clock, System::nanoTime);
        Bootstrap bootstrap = new Bootstrap().group(group)
            .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
            .option(ChannelOption.SO_RCVBUF, config.socketBufferBytes())
            .option(ChannelOption.SO_SNDBUF, config.socketBufferBytes())
            .option(ChannelOption.RCVBUF_ALLOCATOR,
                new FixedRecvByteBufAllocator(epoll ? READ_BATCH * SLOT_BYTES : SLOT_BYTES)
                    .maxMessagesPerRead(2 * READ_BATCH))
            // Late media is useless: past ~1 MiB queued (a few ms of output, above one read batch's
            // fan-out) datagrams are dropped and counted rather than queued, so neither latency nor
            // memory grows when the socket cannot send as fast as the call produces.
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(512 << 10, 1 << 20))
            .handler(handler);
        if (epoll) {
            bootstrap.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, SLOT_BYTES);
        }
        CompletableFuture<UdpDataPath> opened = new CompletableFuture<>();
        bindWithoutLeakTouches(bootstrap, new InetSocketAddress(host, port)).addListener(bound -> {
            if (bound.isSuccess()) {
                Channel channel = ((ChannelFuture) bound).channel();
                channel.eventLoop().scheduleAtFixedRate(handler::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
                opened.complete(new UdpDataPath(group, channel, handler, epoll));
            } else {
                group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
                opened.completeExceptionally(bound.cause());
            }
        });
        return opened;
    }

    /**
     * Binds with a pipeline that does not record every datagram for the leak detector: a pipeline reads
     * {@link ResourceLeakDetector#isEnabled()} once, when the channel is made (synchronously, inside
     * {@code bind}), and otherwise calls {@code touch} on each datagram at each hop, about a tenth of the
     * data path's time at 200-byte datagrams (JFR, docs/benchmarks.md). Only this channel's pipeline is
     * affected: the level is restored at once, and buffers are still sampled by the allocator.
     */
    private static ChannelFuture bindWithoutLeakTouches(Bootstrap bootstrap, InetSocketAddress address) {
        ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        try {
            return bootstrap.bind(address);
        } finally {
            ResourceLeakDetector.setLevel(level);
        }
    }

    /** The bound UDP port (useful when 0 was asked for). */
    public int localPort() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Whether the native epoll transport (recvmmsg/sendmmsg) serves the socket. */
    public boolean nativeTransport() {
        return nativeTransport;
    }

    /** Ends the sessions of {@code userId} in {@code projectId} (removed from the project). */
    public CompletionStage<Integer> dropMember(long projectId, long userId) {
        return run(h -> h.dropMember(projectId, userId));
    }

    /** Ends a room's call (project deleted). */
    public CompletionStage<Integer> dropRoom(long projectId) {
        return run(h -> h.dropRoom(projectId));
    }

    /** Ends the sessions opened with tickets issued to a token that is now revoked. */
    public CompletionStage<Integer> dropToken(String tokenId) {
        return run(h -> h.dropToken(tokenId));
    }

    public CompletionStage<List<CallMember>> members(long projectId) {
        return run(h -> h.members(projectId));
    }

    public CompletionStage<List<Long>> rooms() {
        return run(RelayHandler::rooms);
    }

    public int sessionCount() {
        return handler.sessionCount();
    }

    public int roomCount() {
        return handler.roomCount();
    }

    /** Ends every session (telling each client), then closes the socket and stops the thread. */
    public CompletionStage<Void> close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        run(h -> h.drop(s -> true, dev.huddle.server.bus.media.CallEvent.LeaveReason.RELAY_STOPPED))
            .whenComplete((n, e) -> channel.close().addListener(c ->
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).addListener(g -> closed.complete(null))));
        return closed;
    }

    /** Runs {@code work} on the data path thread, which owns the sessions. */
    private <T> CompletionStage<T> run(Function<RelayHandler, T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        channel.eventLoop().execute(() -> {
            try {
                result.complete(work.apply(handler));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
