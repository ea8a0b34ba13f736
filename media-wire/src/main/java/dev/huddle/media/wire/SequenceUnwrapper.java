package dev.huddle.media.wire;

/**
 * Turns 32-bit wrapping sequence numbers into a 64-bit count that keeps growing across the wrap: a
 * number is placed in whichever cycle puts it closest to the highest one seen so far. Not thread-safe.
 */
public final class SequenceUnwrapper {

    private static final long CYCLE = 1L << 32;

    private long highest = -1;

    /** The extended value of {@code sequence} (its low 32 bits). */
    public long unwrap(long sequence) {
        long low = sequence & 0xFFFF_FFFFL;
        if (highest < 0) {
            highest = low;
            return low;
        }
        long candidate = (highest & -CYCLE) | low;
        if (candidate - highest > CYCLE / 2) {
            candidate -= CYCLE;
        } else if (highest - candidate > CYCLE / 2) {
            candidate += CYCLE;
        }
        if (candidate > highest) {
            highest = candidate;
        }
        return candidate;
    }

    /** The highest extended value seen, or -1 before the first. */
    public long highest() {
        return highest;
    }
}
