package dev.huddle.system;

import dev.huddle.media.wire.JoinError;
import dev.huddle.media.wire.JoinRequest;
import dev.huddle.media.wire.MediaKind;
import dev.huddle.media.wire.MediaPacket;
import dev.huddle.media.wire.PacketType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

/**
 * A call member's UDP socket for tests, speaking media-wire to a relay. Reads happen only when the
 * test asks: {@link #await} waits for a datagram, {@link #receivedSoFar} takes what the kernel already
 * holds without waiting. On loopback a datagram is queued at the receiver during the sender's
 * system call, so "the relay sent X to bob, then Y to carol" means X is queued before Y is read.
 */
final class MediaTestClient implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final DatagramChannel channel;
    private final Selector selector;
    private final InetSocketAddress relay;
    private final List<byte[]> backlog = new ArrayList<>();
    private int sessionId;
    private long sequence;

    MediaTestClient(String host, int port) {
        try {
            relay = new InetSocketAddress(host, port);
            channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
            // a test may send a burst before it reads: room for all of it
            channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 4 << 20);
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int sessionId() {
        return sessionId;
    }

    /** Sends a JOIN and returns the answer: JOIN_ACK (session id kept) or JOIN_ERR. */
    byte[] join(long projectId, byte[] ticket) {
        send(new JoinRequest(projectId, ticket).toPacket());
        byte[] answer = await(p -> {
            PacketType type = MediaPacket.type(p, 0);
            return type == PacketType.JOIN_ACK || type == PacketType.JOIN_ERR;
        });
        if (MediaPacket.type(answer, 0) == PacketType.JOIN_ACK) {
            sessionId = MediaPacket.sessionId(answer, 0);
        }
        return answer;
    }

    /** Joins with the ticket room-service answered (base64url); fails the test unless acknowledged. */
    void joinOrFail(long projectId, String ticket) {
        byte[] answer = join(projectId, Base64.getUrlDecoder().decode(ticket));
        if (MediaPacket.type(answer, 0) != PacketType.JOIN_ACK) {
            throw new AssertionError("JOIN refused: " + JoinError.read(answer, 0).reason());
        }
    }

    static JoinError.Reason refusal(byte[] answer) {
        return MediaPacket.type(answer, 0) == PacketType.JOIN_ERR ? JoinError.read(answer, 0).reason() : null;
    }

    /** An AUDIO datagram carrying {@code payload}, from this member's session. */
    void sendAudio(byte[] payload) {
        sendAudioAs(sessionId, payload);
    }

    /** An AUDIO datagram claiming to be from {@code session} (spoofing tests). */
    void sendAudioAs(int session, byte[] payload) {
        byte[] packet = new byte[MediaPacket.HEADER_LENGTH + payload.length];
        MediaPacket.writeHeader(packet, 0, PacketType.AUDIO, MediaKind.AUDIO, 0, session, 0, sequence, sequence, 0, 1,
            sequence * 20, payload.length);
        sequence++;
        System.arraycopy(payload, 0, packet, MediaPacket.HEADER_LENGTH, payload.length);
        send(packet);
    }

    void send(byte[] packet) {
        try {
            channel.send(ByteBuffer.wrap(packet), relay);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next datagram {@code wanted} accepts; others are kept for later calls. */
    byte[] await(Predicate<byte[]> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (true) {
                backlog.addAll(queuedNow());
                for (int i = 0; i < backlog.size(); i++) {
                    if (wanted.test(backlog.get(i))) {
                        return backlog.remove(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching datagram within " + WAIT);
                }
                selector.select(Math.max(1, left / 1_000_000));
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every datagram received and not yet taken by {@link #await}, including what is queued now. */
    List<byte[]> receivedSoFar() {
        backlog.addAll(queuedNow());
        return List.copyOf(backlog);
    }

    /** The next AUDIO datagram whose payload is {@code payload}. */
    byte[] awaitAudio(byte[] payload) {
        return await(p -> MediaPacket.type(p, 0) == PacketType.AUDIO && Arrays.equals(payload(p), payload));
    }

    /** Every datagram already queued at this socket, without waiting. */
    private List<byte[]> queuedNow() {
        List<byte[]> packets = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.allocate(2_048);
        try {
            while (channel.receive(buffer.clear()) != null) {
                packets.add(Arrays.copyOf(buffer.array(), buffer.position()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packets;
    }

    static byte[] payload(byte[] packet) {
        return Arrays.copyOfRange(packet, MediaPacket.HEADER_LENGTH, packet.length);
    }

    @Override
    public void close() {
        try {
            selector.close();
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
