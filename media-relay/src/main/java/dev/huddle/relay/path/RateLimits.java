package dev.huddle.relay.path;

/**
 * How much one source may send: packets and bytes per second, each with a burst of a quarter of a
 * second's worth (a video frame arrives as a burst of chunks), at least 64 packets / 64 KiB.
 */
public record RateLimits(long packetsPerSecond, long bytesPerSecond) {

    public RateLimits {
        if (packetsPerSecond <= 0 || bytesPerSecond <= 0) {
            throw new IllegalArgumentException("rate limits must be positive");
        }
    }

    double packetBurst() {
        return Math.max(64, packetsPerSecond / 4.0);
    }

    double byteBurst() {
        return Math.max(64 * 1024, bytesPerSecond / 4.0);
    }
}
