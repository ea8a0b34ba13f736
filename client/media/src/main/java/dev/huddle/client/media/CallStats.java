package dev.huddle.client.media;

import java.util.List;

/**
 * A participant's view of its call at one moment: what it sent, and per other member what arrived.
 *
 * @param quality        the JPEG quality now (lowered while receivers report loss)
 * @param encodeMillis   mean JPEG encoding time per frame sent (drawing the picture not included)
 * @param decodeMillis   mean JPEG-to-picture time per frame shown
 * @param ended          the relay dropped this participant (LEAVE from the relay)
 */
public record CallStats(int sessionId, long framesSent, long audioSent, long bytesSent, float quality,
                        double encodeMillis, double decodeMillis, boolean ended, List<PeerStats> peers) {
}
