package dev.huddle.relay.path;

/**
 * A token bucket on packets and one on bytes for one source; a datagram passes only if both have
 * room. Time is the caller's nanosecond clock. Not thread-safe: used on the data path thread only.
 */
final class SourceLimiter {

    private static final double NANOS = 1e9;

    private final double packetsPerNano;
    private final double bytesPerNano;
    private final double packetBurst;
    private final double byteBurst;
    private double packets;
    private double bytes;
    private long last;

    SourceLimiter(RateLimits limits, long nowNanos) {
        this.packetsPerNano = limits.packetsPerSecond() / NANOS;
        this.bytesPerNano = limits.bytesPerSecond() / NANOS;
        this.packetBurst = limits.packetBurst();
        this.byteBurst = limits.byteBurst();
        this.packets = packetBurst;
        this.bytes = byteBurst;
        this.last = nowNanos;
    }

    boolean allow(int size, long nowNanos) {
        long elapsed = nowNanos - last;
        if (elapsed > 0) {
            packets = Math.min(packetBurst, packets + elapsed * packetsPerNano);
            bytes = Math.min(byteBurst, bytes + elapsed * bytesPerNano);
            last = nowNanos;
        }
        if (packets < 1 || bytes < size) {
            return false;
        }
        packets -= 1;
        bytes -= size;
        return true;
    }
}
