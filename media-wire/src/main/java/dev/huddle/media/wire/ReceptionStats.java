package dev.huddle.media.wire;

/**
 * What a receiver measures of one sender's stream for {@link ReceiverReport}s: loss from sequence
 * numbers and interarrival jitter as RFC 3550 (section 6.4.1) defines it, from the media timestamp
 * and the arrival time. Not thread-safe.
 */
public final class ReceptionStats {

    private final SequenceUnwrapper sequences = new SequenceUnwrapper();
    private long first = -1;
    private long received;
    private long expectedAtLastReport;
    private long receivedAtLastReport;
    private final InterarrivalJitter jitter = new InterarrivalJitter();

    /** Records one packet that passed {@link MediaPacket#check}, arriving at {@code arrivalMillis}. */
    public void onPacket(byte[] packet, int offset, long arrivalMillis) {
        onPacket(MediaPacket.sequence(packet, offset), MediaPacket.timestamp(packet, offset), arrivalMillis);
    }

    public void onPacket(long sequence, long mediaTimestampMillis, long arrivalMillis) {
        long extended = sequences.unwrap(sequence);
        if (first < 0 || extended < first) {
            first = extended;
        }
        received++;
        jitter.onArrival(mediaTimestampMillis, arrivalMillis);
    }

    public long received() {
        return received;
    }

    /** Packets expected (from the sequence numbers) but not received; never negative. */
    public long lost() {
        return Math.max(0, expected() - received);
    }

    public double jitterMillis() {
        return jitter.millis();
    }

    /** A report on {@code senderSession}; the fraction lost covers the time since the previous report. */
    public ReceiverReport report(int senderSession) {
        long expected = expected();
        long expectedInterval = expected - expectedAtLastReport;
        long lostInterval = expectedInterval - (received - receivedAtLastReport);
        expectedAtLastReport = expected;
        receivedAtLastReport = received;
        int fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        return new ReceiverReport(senderSession, fraction, (int) Math.min(lost(), Integer.MAX_VALUE),
            sequences.highest(), Math.round(jitter.millis() * 1000));
    }

    private long expected() {
        return first < 0 ? 0 : sequences.highest() - first + 1;
    }
}
