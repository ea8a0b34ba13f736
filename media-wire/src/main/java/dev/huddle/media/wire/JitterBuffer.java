package dev.huddle.media.wire;

/**
 * Evens out network jitter for one sender's audio: packets are held by sequence number and played
 * one per frame period after a short fixed delay, in order. A packet that arrives after its turn is
 * dropped (late), a duplicate is ignored, and a turn with no packet is played as a gap (the caller
 * conceals it, e.g. with silence). After an underrun the buffer refills to its depth before playing
 * again. One instance per (sender session, audio stream); not thread-safe.
 *
 * <p>Typical use: {@link #offer} on each AUDIO datagram, {@link #poll} every 20 ms from the playback
 * clock; {@link #isPlaying()} tells a gap from "not started".
 */
public final class JitterBuffer {

    private final int depth;
    private final byte[][] slots;
    private final long[] slotSequence;
    private final int mask;
    private final SequenceUnwrapper sequences = new SequenceUnwrapper();
    private long next = -1;
    private boolean playing;
    private long played;
    private long concealed;
    private long late;
    private long duplicates;

    /**
     * @param depth    frames held before playout starts, counted from the next one to play to the newest
     *                 received (playout delay = depth × frame period)
     * @param capacity frames the buffer can hold; rounded up to a power of two, at least 2 × depth
     */
    public JitterBuffer(int depth, int capacity) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1");
        }
        int size = Integer.highestOneBit(Math.max(capacity, 2 * depth) - 1) << 1;
        this.depth = depth;
        this.slots = new byte[size][];
        this.slotSequence = new long[size];
        this.mask = size - 1;
    }

    /** Takes one AUDIO datagram that passed {@link MediaPacket#check}. */
    public void offer(byte[] packet, int offset) {
        int length = MediaPacket.payloadLength(packet, offset);
        byte[] payload = new byte[length];
        System.arraycopy(packet, MediaPacket.payloadOffset(offset), payload, 0, length);
        offer(MediaPacket.sequence(packet, offset), payload);
    }

    /** Takes one audio frame by its (wrapping) sequence number. */
    public void offer(long sequence, byte[] payload) {
        long extended = sequences.unwrap(sequence);
        if (next < 0) {
            next = extended;
        }
        if (extended < next) {
            if (playing || sequences.highest() - extended >= slots.length) {
                late++;
                return;
            }
            // still filling: an earlier frame that arrived second becomes the first to play
            next = extended;
        }
        if (extended - next >= slots.length) {
            // far ahead of playout (a long stall, or the sender restarted): start again from here
            next = extended - depth + 1;
            playing = false;
        }
        int slot = (int) (extended & mask);
        if (slots[slot] != null && slotSequence[slot] == extended) {
            duplicates++;
            return;
        }
        slots[slot] = payload;
        slotSequence[slot] = extended;
    }

    /**
     * The next frame to play: its payload, or {@code null} when it is missing (a gap to conceal) or
     * the buffer is still filling ({@link #isPlaying()} is then false).
     */
    public byte[] poll() {
        if (next < 0) {
            return null;
        }
        long buffered = sequences.highest() - next + 1;
        if (!playing) {
            if (buffered < depth) {
                return null;
            }
            playing = true;
        }
        if (buffered <= 0) {
            playing = false;
            return null;
        }
        int slot = (int) (next & mask);
        byte[] payload = slots[slot] != null && slotSequence[slot] == next ? slots[slot] : null;
        slots[slot] = null;
        next++;
        if (payload == null) {
            concealed++;
        } else {
            played++;
        }
        return payload;
    }

    public boolean isPlaying() {
        return playing;
    }

    public long played() {
        return played;
    }

    /** Turns played as a gap: the frame never came or came too late. */
    public long concealed() {
        return concealed;
    }

    public long late() {
        return late;
    }

    public long duplicates() {
        return duplicates;
    }
}
