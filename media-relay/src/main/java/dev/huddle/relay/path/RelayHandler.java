package dev.huddle.relay.path;

import dev.huddle.media.wire.JoinAck;
import dev.huddle.media.wire.JoinError;
import dev.huddle.media.wire.Malformation;
import dev.huddle.media.wire.MediaPacket;
import dev.huddle.media.wire.PacketType;
import dev.huddle.media.wire.ReceiverReport;
import dev.huddle.media.wire.StatePayload;
import dev.huddle.server.bus.media.CallEvent;
import dev.huddle.server.bus.media.CallEvent.CallMember;
import dev.huddle.server.bus.media.CallEvent.LeaveReason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The packet path, one small step after another: check the header → JOIN, or find the sender's
 * session → rate-limit → forward (or answer a control packet). Each dropped datagram is counted
 * with its reason. Forwarded datagrams are the received buffer itself (a retained duplicate per
 * receiver, no copy) queued with {@code write}; every {@value #FLUSH_EVERY} datagrams and at the end
 * of the read batch ({@link #channelReadComplete}) the queue is flushed, which the epoll transport
 * sends with one {@code sendmmsg}.
 *
 * <p>Runs on the data path's single event loop thread, which owns the {@link SessionTable}; the
 * control side reaches it only through {@link UdpDataPath#run}. Nothing on the per-packet path logs,
 * locks or allocates beyond the outgoing datagram envelopes.
 */
final class RelayHandler extends ChannelInboundHandlerAdapter {

    /**
     * Datagrams handled between two flushes. A wake-up may read up to 128 datagrams; flushing only at
     * its end made the first one's copies wait for all of them and for one {@code sendmmsg} of up to
     * 512 copies (its loopback delivery included): milliseconds under a burst. Every 16 datagrams
     * (64 copies at fan-out 4) still sends in batches and bounds that wait.
     */
    static final int FLUSH_EVERY = 16;

    private final PathConfig config;
    private final SessionTable sessions = new SessionTable();
    private final NonceGuard nonces = new NonceGuard();
    private final Joins joins;
    private final RelayCounters counters;
    private final CallListener calls;
    private final Clock clock;
    private final LongSupplier nanos;
    private final byte[] header = new byte[MediaPacket.HEADER_LENGTH];
    private final byte[] whole = new byte[MediaPacket.MAX_DATAGRAM];
    private final JoinAck ack;
    private ChannelHandlerContext context;
    private long now;
    private long unflushedSince;
    private int unflushed;
    private int batch;

    RelayHandler(PathConfig config, TicketCheck tickets, RelayCounters counters, CallListener calls, Clock clock,
                 LongSupplier nanos) {
        this.config = config;
        this.counters = counters;
        this.calls = calls;
        this.clock = clock;
        this.nanos = nanos;
        this.joins = new Joins(tickets, sessions, nonces, config.joinsPerSecond(), nanos.getAsLong());
        this.ack = new JoinAck((int) config.keepalive().toMillis(), (int) config.sessionTimeout().toMillis());
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket packet)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            if (batch++ == 0) {
                now = nanos.getAsLong();
                unflushedSince = now;
            }
            handle(ctx, packet);
        } finally {
            packet.release();
        }
        unflushed++;
        if (batch % FLUSH_EVERY == 0) {
            flush(ctx);
            unflushedSince = nanos.getAsLong();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        counters.batch(batch);
        if (batch % FLUSH_EVERY != 0) {
            flush(ctx);
        }
        batch = 0;
        counters.publish();
    }

    /** Hands the queued copies to the kernel (one {@code sendmmsg}) and counts how long the first waited. */
    private void flush(ChannelHandlerContext ctx) {
        ctx.flush();
        counters.residence(nanos.getAsLong() - unflushedSince, unflushed);
        unflushed = 0;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a datagram socket keeps serving: one failed send or read is not the end of the relay
    }

    private void handle(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        int length = content.readableBytes();
        counters.received(length);
        content.getBytes(content.readerIndex(), header, 0, Math.min(length, MediaPacket.HEADER_LENGTH));
        Malformation malformation = MediaPacket.check(header, 0, length);
        if (malformation != null) {
            counters.drop(DropReason.of(malformation));
            return;
        }
        PacketType type = MediaPacket.type(header, 0);
        if (type == PacketType.JOIN) {
            content.getBytes(content.readerIndex(), whole, 0, length);
            join(ctx, packet.sender(), length);
            return;
        }
        Session session = sessions.byId(MediaPacket.sessionId(header, 0));
        if (session == null || !session.address.equals(packet.sender())) {
            counters.drop(DropReason.NOT_JOINED);
            return;
        }
        session.lastHeardNanos = now;
        if (!session.limiter.allow(length, now)) {
            counters.drop(DropReason.RATE_LIMITED);
            return;
        }
        switch (type) {
            case AUDIO, VIDEO -> forward(ctx, session, content, length);
            case STATE -> {
                forward(ctx, session, content, length);
                stateChanged(session, content);
            }
            case KEEPALIVE -> send(ctx, content, session.address, length);
            case REPORT -> report(ctx, session, content, length);
            case LEAVE -> end(session, LeaveReason.LEFT, false);
            default -> counters.drop(DropReason.UNEXPECTED_TYPE);
        }
    }

    /**
     * One reference per copy, taken at once (one atomic add instead of one per receiver); each copy is a
     * plain duplicate (own indices, shared memory and count) that its send releases.
     */
    private void forward(ChannelHandlerContext ctx, Session from, ByteBuf content, int length) {
        Session[] members = from.room.members;
        int copies = members.length - 1;
        if (copies <= 0) {
            return;
        }
        if (!ctx.channel().isWritable()) {
            counters.drops(DropReason.SEND_QUEUE_FULL, copies);
            return;
        }
        content.retain(copies);
        for (Session to : members) {
            if (to != from) {
                ctx.write(new DatagramPacket(content.duplicate(), to.address), ctx.voidPromise());
            }
        }
        counters.sent(copies, length);
    }

    private void send(ChannelHandlerContext ctx, ByteBuf content, InetSocketAddress to, int length) {
        if (!ctx.channel().isWritable()) {
            counters.drop(DropReason.SEND_QUEUE_FULL);
            return;
        }
        ctx.write(new DatagramPacket(content.retainedDuplicate(), to), ctx.voidPromise());
        counters.sent(length);
    }

    private void report(ChannelHandlerContext ctx, Session from, ByteBuf content, int length) {
        int reported = content.getInt(content.readerIndex() + MediaPacket.HEADER_LENGTH);
        Session to = sessions.byId(reported);
        if (to == null || to.room != from.room || to == from) {
            counters.drop(DropReason.UNROUTABLE_REPORT);
            return;
        }
        send(ctx, content, to.address, length);
    }

    private void stateChanged(Session session, ByteBuf content) {
        content.getBytes(content.readerIndex(), whole, 0, MediaPacket.HEADER_LENGTH + StatePayload.LENGTH);
        StatePayload state = StatePayload.read(whole, 0);
        int bits = (state.micOn() ? Session.MIC : 0) | (state.cameraOn() ? Session.CAMERA : 0)
            | (state.screenOn() ? Session.SCREEN : 0);
        if (bits != session.state) {
            session.state = bits;
            calls.onCallEvent(new CallEvent.StateChanged(session.projectId(), config.relayId(), session.member(),
                clock.instant()));
        }
    }

    private void join(ChannelHandlerContext ctx, InetSocketAddress sender, int length) {
        byte[] answer = switch (joins.decide(whole, sender, now)) {
            case Joins.Decision.Refuse refuse -> refuse(refuse.reason());
            case Joins.Decision.Repeat repeat -> ack.toPacket(repeat.session().id);
            case Joins.Decision.Accept accept -> {
                if (accept.replacing() != null) {
                    end(accept.replacing(), LeaveReason.REPLACED, false);
                }
                Session session = sessions.open(accept.ticket(), sender,
                    new SourceLimiter(config.perSource(), now), now);
                if (session == null) {
                    yield refuse(JoinError.Reason.BUSY);
                }
                counters.joined();
                calls.onCallEvent(new CallEvent.Joined(session.projectId(), config.relayId(), session.member(),
                    clock.instant()));
                yield ack.toPacket(session.id);
            }
        };
        // never answer with more than was asked: no amplification towards a forged source
        if (answer.length <= length && ctx.channel().isWritable()) {
            ctx.write(new DatagramPacket(Unpooled.wrappedBuffer(answer), sender), ctx.voidPromise());
            counters.sent(answer.length);
        }
    }

    private byte[] refuse(JoinError.Reason reason) {
        counters.drop(reason == JoinError.Reason.BUSY ? DropReason.JOIN_THROTTLED : DropReason.JOIN_REFUSED);
        return new JoinError(reason).toPacket();
    }

    /** Ends a session; {@code tellClient}: send it a LEAVE (it did not ask to go). */
    private void end(Session session, LeaveReason reason, boolean tellClient) {
        sessions.close(session);
        if (tellClient && context != null) {
            byte[] leave = MediaPacket.control(PacketType.LEAVE, session.id, new byte[0]);
            context.write(new DatagramPacket(Unpooled.wrappedBuffer(leave), session.address), context.voidPromise());
        }
        calls.onCallEvent(new CallEvent.Left(session.projectId(), config.relayId(), session.member(), reason,
            clock.instant()));
    }

    // ------------------------------------------------------------ control (via UdpDataPath.run)

    /** Ends every session {@code which} accepts, telling each client; returns how many. */
    int drop(Predicate<Session> which, LeaveReason reason) {
        List<Session> dropped = sessions.matching(which);
        dropped.forEach(session -> end(session, reason, true));
        if (context != null && !dropped.isEmpty()) {
            context.flush();
        }
        return dropped.size();
    }

    int dropMember(long projectId, long userId) {
        return drop(s -> s.projectId() == projectId && s.userId() == userId, LeaveReason.REMOVED);
    }

    int dropRoom(long projectId) {
        return drop(s -> s.projectId() == projectId, LeaveReason.REMOVED);
    }

    int dropToken(String tokenId) {
        return drop(s -> s.ticket.tokenId().equals(tokenId), LeaveReason.LOGGED_OUT);
    }

    /** Ends sessions silent for longer than the timeout and forgets expired nonces. */
    void sweep() {
        long cutoff = nanos.getAsLong() - config.sessionTimeout().toNanos();
        drop(s -> s.lastHeardNanos - cutoff < 0, LeaveReason.TIMEOUT);
        nonces.purge(clock.millis());
    }

    List<CallMember> members(long projectId) {
        return sessions.room(projectId).stream().map(Session::member).toList();
    }

    List<Long> rooms() {
        return sessions.roomIds();
    }

    int sessionCount() {
        return sessions.sessionCount();
    }

    int roomCount() {
        return sessions.roomCount();
    }
}
