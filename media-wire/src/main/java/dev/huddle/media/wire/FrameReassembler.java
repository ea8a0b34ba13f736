package dev.huddle.media.wire;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds one sender's video stream from its {@link PacketType#VIDEO} chunks, by frame number and
 * chunk count, without ever showing a half-built frame:
 * <ul>
 *   <li>a frame is delivered once all its chunks are in, whatever their order;</li>
 *   <li>a duplicate chunk is ignored;</li>
 *   <li>an incomplete frame is dropped once its deadline passes, or as soon as a newer frame is
 *       delivered (it could only be shown out of order);</li>
 *   <li>a chunk of a frame not newer than the newest delivered one is dropped (a late frame never
 *       replaces a newer one).</li>
 * </ul>
 * One instance per (sender session, stream); not thread-safe. Frame numbers wrap at 2<sup>32</sup>
 * and are compared with serial-number arithmetic.
 */
public final class FrameReassembler {

    /** A complete frame. */
    public record Frame(long frameNumber, long timestamp, MediaKind kind, byte[] data) {
    }

    private final long deadlineMillis;
    private final int maxPending;
    // keyed by frame number; TreeMap's order is wrong only across a wrap, where expiry still cleans up
    private final TreeMap<Long, Pending> pending = new TreeMap<>();
    private long newestDelivered = -1;
    private long delivered;
    private long droppedIncomplete;
    private long droppedLate;
    private long duplicates;
    private long inconsistent;

    /**
     * @param deadlineMillis how long an incomplete frame waits for its missing chunks
     * @param maxPending     frames assembled at once; past it the oldest incomplete one is dropped
     */
    public FrameReassembler(long deadlineMillis, int maxPending) {
        if (deadlineMillis <= 0 || maxPending <= 0) {
            throw new IllegalArgumentException("deadline and pending limit must be positive");
        }
        this.deadlineMillis = deadlineMillis;
        this.maxPending = maxPending;
    }

    /**
     * Takes one VIDEO datagram that passed {@link MediaPacket#check}.
     *
     * @param nowMillis the receiver's clock, for deadlines
     * @return the frame this chunk completed, or {@code null}
     */
    public Frame offer(byte[] packet, int offset, long nowMillis) {
        expire(nowMillis);
        long number = MediaPacket.frameNumber(packet, offset);
        if (newestDelivered >= 0 && !isNewer(number, newestDelivered)) {
            droppedLate++;
            return null;
        }
        int index = MediaPacket.chunkIndex(packet, offset);
        int count = MediaPacket.chunkCount(packet, offset);
        Pending frame = pending.get(number);
        if (frame == null) {
            if (pending.size() >= maxPending) {
                pending.pollFirstEntry();
                droppedIncomplete++;
            }
            frame = new Pending(count, MediaPacket.timestamp(packet, offset), MediaPacket.kind(packet, offset),
                nowMillis);
            pending.put(number, frame);
        } else if (frame.chunks.length != count) {
            inconsistent++;
            return null;
        }
        if (frame.chunks[index] != null) {
            duplicates++;
            return null;
        }
        int length = MediaPacket.payloadLength(packet, offset);
        byte[] chunk = new byte[length];
        System.arraycopy(packet, MediaPacket.payloadOffset(offset), chunk, 0, length);
        frame.chunks[index] = chunk;
        frame.received++;
        frame.bytes += length;
        if (frame.received < count) {
            return null;
        }
        pending.remove(number);
        dropOlderThan(number);
        newestDelivered = number;
        delivered++;
        return new Frame(number, frame.timestamp, frame.kind, frame.join());
    }

    /** Drops incomplete frames whose deadline has passed. */
    public void expire(long nowMillis) {
        Iterator<Pending> frames = pending.values().iterator();
        while (frames.hasNext()) {
            if (nowMillis - frames.next().firstSeenMillis >= deadlineMillis) {
                frames.remove();
                droppedIncomplete++;
            }
        }
    }

    public long delivered() {
        return delivered;
    }

    /** Frames given up because a chunk never came (deadline, a newer frame, or too many pending). */
    public long droppedIncomplete() {
        return droppedIncomplete;
    }

    /** Chunks of frames older than the newest delivered one. */
    public long droppedLate() {
        return droppedLate;
    }

    public long duplicates() {
        return duplicates;
    }

    /** Chunks whose count disagrees with earlier chunks of the same frame (ignored). */
    public long inconsistent() {
        return inconsistent;
    }

    /** Frames waiting for chunks. */
    public int pendingFrames() {
        return pending.size();
    }

    private void dropOlderThan(long number) {
        Iterator<Map.Entry<Long, Pending>> frames = pending.entrySet().iterator();
        while (frames.hasNext()) {
            if (!isNewer(frames.next().getKey(), number)) {
                frames.remove();
                droppedIncomplete++;
            }
        }
    }

    /** Serial-number order on 32-bit frame numbers: {@code a} comes after {@code b}. */
    static boolean isNewer(long a, long b) {
        return (int) (a - b) > 0;
    }

    private static final class Pending {
        final byte[][] chunks;
        final long timestamp;
        final MediaKind kind;
        final long firstSeenMillis;
        int received;
        int bytes;

        Pending(int count, long timestamp, MediaKind kind, long firstSeenMillis) {
            this.chunks = new byte[count][];
            this.timestamp = timestamp;
            this.kind = kind;
            this.firstSeenMillis = firstSeenMillis;
        }

        byte[] join() {
            byte[] data = new byte[bytes];
            int at = 0;
            for (byte[] chunk : chunks) {
                System.arraycopy(chunk, 0, data, at, chunk.length);
                at += chunk.length;
            }
            return data;
        }
    }
}
