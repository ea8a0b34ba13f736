package dev.huddle.relay.path;

import java.time.Duration;

/**
 * What the data path needs to know.
 *
 * @param relayId           this relay's id: the only one its tickets may name
 * @param perSource         each session's packets/s and bytes/s
 * @param joinsPerSecond    JOINs verified per second at most (an Ed25519 check each, on the data path thread)
 * @param keepalive         how often clients are asked to send KEEPALIVE when otherwise silent
 * @param sessionTimeout    silence after which a session ends
 * @param socketBufferBytes kernel receive and send buffer of the UDP socket
 */
public record PathConfig(String relayId, RateLimits perSource, int joinsPerSecond, Duration keepalive,
                         Duration sessionTimeout, int socketBufferBytes) {

    public PathConfig {
        if (relayId == null || relayId.isBlank() || joinsPerSecond <= 0 || socketBufferBytes <= 0) {
            throw new IllegalArgumentException("relay id, joins per second and socket buffer are required");
        }
        if (!keepalive.isPositive() || sessionTimeout.compareTo(keepalive) <= 0) {
            throw new IllegalArgumentException("the session timeout must be longer than the keepalive interval");
        }
    }
}
