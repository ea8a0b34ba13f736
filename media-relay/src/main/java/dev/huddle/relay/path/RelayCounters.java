package dev.huddle.relay.path;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The data path's counters. The data path thread adds to plain fields (no atomic operation per
 * packet) and publishes them once per read batch with ordered writes; {@code /metrics} reads the
 * published copy, at most one batch behind.
 */
public final class RelayCounters {

    /** Read batches by size: 1, 2-3, 4-7, 8-15, 16-31, 32-63, 64 and more datagrams. */
    public static final String[] BATCH_BUCKETS = {"1", "2-3", "4-7", "8-15", "16-31", "32-63", "64+"};

    private static final int PACKETS_IN = 0;
    private static final int BYTES_IN = 1;
    private static final int PACKETS_OUT = 2;
    private static final int BYTES_OUT = 3;
    private static final int JOINS = 4;
    private static final int DROPS = 5;
    /**
     * Datagrams read, by the time from the first datagram of their flush in hand to that flush's copies
     * handed to the kernel, upper bounds in microseconds: for each datagram at least as long as the relay
     * itself held it, apart from its wait in the socket before the thread runs. Counted per datagram,
     * not per flush, so that a percentile of it is a percentile of datagrams.
     */
    public static final String[] RESIDENCE_BUCKETS = {"2", "4", "8", "16", "32", "64", "128", "256", "512", "1024",
        "2048", "4096", "8192", "16384", "+Inf"};

    private static final int BATCHES = DROPS + DropReason.values().length;
    private static final int RESIDENCE = BATCHES + BATCH_BUCKETS.length;
    private static final int SIZE = RESIDENCE + RESIDENCE_BUCKETS.length;

    private final long[] local = new long[SIZE];
    private final AtomicLongArray published = new AtomicLongArray(SIZE);

    void received(int bytes) {
        local[PACKETS_IN]++;
        local[BYTES_IN] += bytes;
    }

    void sent(int bytes) {
        local[PACKETS_OUT]++;
        local[BYTES_OUT] += bytes;
    }

    /** {@code copies} datagrams of {@code bytes} each. */
    void sent(int copies, int bytes) {
        local[PACKETS_OUT] += copies;
        local[BYTES_OUT] += (long) copies * bytes;
    }

    void joined() {
        local[JOINS]++;
    }

    void drop(DropReason reason) {
        local[DROPS + reason.ordinal()]++;
    }

    void drops(DropReason reason, int datagrams) {
        local[DROPS + reason.ordinal()] += datagrams;
    }

    void batch(int datagrams) {
        int bucket = Math.min(BATCH_BUCKETS.length - 1, 31 - Integer.numberOfLeadingZeros(Math.max(1, datagrams)));
        local[BATCHES + bucket]++;
    }

    /** A flush of {@code datagrams} took {@code nanos} from its first datagram in hand to the kernel. */
    void residence(long nanos, int datagrams) {
        long micros = Math.max(0, nanos / 1_000);
        int bucket = micros < 2 ? 0 : Math.min(RESIDENCE_BUCKETS.length - 1, 63 - Long.numberOfLeadingZeros(micros));
        local[RESIDENCE + bucket] += datagrams;
    }

    /** Makes everything counted so far visible to other threads. Data path thread only. */
    void publish() {
        for (int i = 0; i < SIZE; i++) {
            published.lazySet(i, local[i]);
        }
    }

    public long packetsIn() {
        return published.get(PACKETS_IN);
    }

    public long bytesIn() {
        return published.get(BYTES_IN);
    }

    public long packetsOut() {
        return published.get(PACKETS_OUT);
    }

    public long bytesOut() {
        return published.get(BYTES_OUT);
    }

    public long joins() {
        return published.get(JOINS);
    }

    public long drops(DropReason reason) {
        return published.get(DROPS + reason.ordinal());
    }

    /** Datagrams in bucket {@code index} of {@link #RESIDENCE_BUCKETS}. */
    public long residences(int index) {
        return published.get(RESIDENCE + index);
    }

    /** Read batches in bucket {@code index} of {@link #BATCH_BUCKETS}. */
    public long batches(int index) {
        return published.get(BATCHES + index);
    }
}
