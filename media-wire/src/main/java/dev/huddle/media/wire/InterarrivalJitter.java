package dev.huddle.media.wire;

/**
 * Interarrival jitter as RFC 3550 (section 6.4.1) estimates it: the mean deviation of the difference
 * in transit time between consecutive packets, smoothed with a gain of 1/16. Transit differences are
 * taken from timestamp differences, so the 32-bit media timestamp may wrap between two packets. Used
 * by {@link ReceptionStats} (for REPORTs) and {@link JitterBuffer} (for its playout delay). Not
 * thread-safe.
 */
public final class InterarrivalJitter {

    private long previousArrival;
    private long previousTimestamp;
    private boolean hasPrevious;
    private double millis;

    /** Records one packet: its media timestamp (sender's clock, ms, may wrap) and arrival (receiver's clock, ms). */
    public void onArrival(long mediaTimestampMillis, long arrivalMillis) {
        if (hasPrevious) {
            long sent = (int) (mediaTimestampMillis - previousTimestamp); // wrap-safe 32-bit difference
            double d = Math.abs((arrivalMillis - previousArrival) - sent);
            millis += (d - millis) / 16;
        }
        previousArrival = arrivalMillis;
        previousTimestamp = mediaTimestampMillis;
        hasPrevious = true;
    }

    /** The estimate so far, in milliseconds; 0 before two packets. */
    public double millis() {
        return millis;
    }
}
