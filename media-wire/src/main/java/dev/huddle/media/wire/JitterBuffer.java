package dev.huddle.media.wire;

/**
 * Evens out network jitter for one sender's audio with a playout delay that follows the path: frames
 * are held by sequence number and played one per frame period, in order, once the buffer holds its
 * target depth. One instance per (sender session, audio stream); not thread-safe. Time is injected:
 * every {@link #offer} carries its arrival time on the receiver's clock.
 *
 * <p><b>Target delay.</b> {@code frame period + 4 × J}, rounded up to whole frames and kept within
 * {@link #MIN_DELAY_MILLIS}–{@link #MAX_DELAY_MILLIS}, where J is the RFC 3550 interarrival jitter
 * ({@link InterarrivalJitter}) of the frames received. The delay moves towards the target in two ways:
 * <ul>
 *   <li><b>grow</b>: when the frame to play is missing while fewer than the target are buffered, it may
 *       only be late, so playout waits a turn (concealed) instead of skipping it;</li>
 *   <li><b>shrink</b>: when more than the target have been buffered for {@link #TRIM_AFTER_TURNS}
 *       turns in a row, the oldest frame is discarded (counted as trimmed).</li>
 * </ul>
 *
 * <p><b>Concealment.</b> A turn without its frame (lost, late, or waiting to grow) repeats the last
 * frame played once, then plays silence ({@code null}) until frames come again. A frame that arrives
 * after its turn is dropped and counted as late; a second copy of a held frame as a duplicate. When
 * nothing at all is buffered (the newest frames were lost, the sender stopped, or a stall) that turn is
 * concealed and the buffer refills to the target before playing again ({@link #isPlaying()} false
 * meanwhile, silence not counted as concealment), starting at the first frame it holds.
 *
 * <p>Payloads are opaque (PCM or a coded frame): concealment repeats the bytes, the caller decodes.
 */
public final class JitterBuffer {

    /** The frame period audio is sent with (one frame per AUDIO datagram). */
    public static final int FRAME_MILLIS = 20;
    public static final int MIN_DELAY_MILLIS = 40;
    public static final int MAX_DELAY_MILLIS = 200;
    /** Turns above the target before a frame is trimmed: a short burst is not worth a glitch. */
    static final int TRIM_AFTER_TURNS = 10;
    /** How far ahead of playout a frame may be before the buffer restarts from it. */
    private static final int CAPACITY = 64;

    private final int frameMillis;
    private final int minDepth;
    private final int maxDepth;
    private final byte[][] slots = new byte[CAPACITY][];
    private final long[] slotSequence = new long[CAPACITY];
    private final SequenceUnwrapper sequences = new SequenceUnwrapper();
    private final InterarrivalJitter jitter = new InterarrivalJitter();
    private int targetDepth;
    private long next = -1;
    private long lastPlayed = -1;
    private boolean playing;
    private byte[] last;
    private boolean lastRepeated;
    private int turnsAboveTarget;
    private long played;
    private long repeated;
    private long silenced;
    private long late;
    private long duplicates;
    private long trimmed;
    private long underruns;

    /** 20 ms frames, a delay of 40–200 ms. */
    public JitterBuffer() {
        this(FRAME_MILLIS, MIN_DELAY_MILLIS, MAX_DELAY_MILLIS);
    }

    public JitterBuffer(int frameMillis, int minDelayMillis, int maxDelayMillis) {
        if (frameMillis < 1 || minDelayMillis < frameMillis || maxDelayMillis < minDelayMillis
            || maxDelayMillis / frameMillis > CAPACITY / 4) {
            throw new IllegalArgumentException("frame " + frameMillis + " ms, delay " + minDelayMillis + "–"
                + maxDelayMillis + " ms");
        }
        this.frameMillis = frameMillis;
        this.minDepth = ceilDiv(minDelayMillis, frameMillis);
        this.maxDepth = maxDelayMillis / frameMillis;
        this.targetDepth = minDepth;
    }

    /** Takes one AUDIO datagram that passed {@link MediaPacket#check}, arrived at {@code arrivalMillis}. */
    public void offer(byte[] packet, int offset, long arrivalMillis) {
        int length = MediaPacket.payloadLength(packet, offset);
        byte[] payload = new byte[length];
        System.arraycopy(packet, MediaPacket.payloadOffset(offset), payload, 0, length);
        offer(MediaPacket.sequence(packet, offset), MediaPacket.timestamp(packet, offset), payload, arrivalMillis);
    }

    /**
     * Takes one audio frame.
     *
     * @param sequence         its (wrapping) sequence number
     * @param timestampMillis  its media timestamp (capture time on the sender's clock)
     * @param arrivalMillis    when it arrived, on the receiver's clock
     */
    public void offer(long sequence, long timestampMillis, byte[] payload, long arrivalMillis) {
        long extended = sequences.unwrap(sequence);
        int slot = (int) (extended & (CAPACITY - 1));
        if (slots[slot] != null && slotSequence[slot] == extended) {
            duplicates++;
            return;
        }
        jitter.onArrival(timestampMillis, arrivalMillis);
        targetDepth = Math.clamp(ceilDiv(frameMillis + (long) Math.ceil(4 * jitter.millis()), frameMillis),
            minDepth, maxDepth);
        if (next < 0) {
            next = extended;
        }
        if (extended < next) {
            if (playing || extended <= lastPlayed || sequences.highest() - extended >= CAPACITY) {
                late++;
                return;
            }
            next = extended; // still filling: an earlier frame that arrived second becomes the first to play
        }
        if (extended - next >= CAPACITY) {
            next = extended; // far ahead of playout (a long stall, or the sender restarted): start again here
            playing = false;
        }
        slots[slot] = payload;
        slotSequence[slot] = extended;
    }

    /**
     * One playout turn: the next frame, the last one again (the first turn of a gap), or {@code null}
     * for silence — a gap, or not playing ({@link #isPlaying()}).
     */
    public byte[] poll() {
        if (next < 0) {
            return null;
        }
        if (!playing) {
            while (next < sequences.highest() && !holds(next)) {
                next++; // nothing to conceal before the first frame of a talk spurt
            }
        }
        long buffered = sequences.highest() - next + 1;
        if (!playing) {
            if (buffered < targetDepth) {
                return null;
            }
            playing = true;
            turnsAboveTarget = 0;
        }
        if (buffered <= 0) {
            playing = false; // the newest frames were lost, or the sender stopped: refill first
            underruns++;
            return conceal();
        }
        if (buffered > targetDepth && ++turnsAboveTarget >= TRIM_AFTER_TURNS) {
            take(next++);
            trimmed++;
            buffered--;
            turnsAboveTarget = 0;
        } else if (buffered <= targetDepth) {
            turnsAboveTarget = 0;
        }
        byte[] payload = take(next);
        if (payload == null) {
            if (buffered >= targetDepth) {
                next++; // lost, or too late to wait for
            }
            return conceal();
        }
        lastPlayed = next++;
        played++;
        last = payload;
        lastRepeated = false;
        return payload;
    }

    private boolean holds(long sequence) {
        int slot = (int) (sequence & (CAPACITY - 1));
        return slots[slot] != null && slotSequence[slot] == sequence;
    }

    private byte[] take(long sequence) {
        int slot = (int) (sequence & (CAPACITY - 1));
        byte[] payload = holds(sequence) ? slots[slot] : null;
        slots[slot] = null;
        return payload;
    }

    private byte[] conceal() {
        if (last != null && !lastRepeated) {
            lastRepeated = true;
            repeated++;
            return last;
        }
        silenced++;
        return null;
    }

    private static int ceilDiv(long a, int b) {
        return (int) Math.ceilDiv(a, b);
    }

    public boolean isPlaying() {
        return playing;
    }

    /** The playout delay aimed at now, in milliseconds (a whole number of frames). */
    public int targetDelayMillis() {
        return targetDepth * frameMillis;
    }

    /** The RFC 3550 interarrival jitter of the frames received, in milliseconds. */
    public double jitterMillis() {
        return jitter.millis();
    }

    /** Frames played in their turn. */
    public long played() {
        return played;
    }

    /** Turns played without their frame (lost, late, or waiting for it): {@link #repeated()} + silence. */
    public long concealed() {
        return repeated + silenced;
    }

    /** Turns concealed by playing the previous frame again. */
    public long repeated() {
        return repeated;
    }

    /** Frames that arrived after their turn, dropped. */
    public long late() {
        return late;
    }

    /** Second copies of a frame still held, dropped. */
    public long duplicates() {
        return duplicates;
    }

    /** Frames discarded to bring the delay down to the target. */
    public long trimmed() {
        return trimmed;
    }

    /** Times the buffer ran dry and refilled before playing again. */
    public long underruns() {
        return underruns;
    }
}
