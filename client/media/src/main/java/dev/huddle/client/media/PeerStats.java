package dev.huddle.client.media;

import java.util.List;

/**
 * Counters for one other member of the call, since the call began.
 *
 * @param framesComplete    video frames reassembled whole
 * @param framesShown       frames decoded and handed to the sink (a newer complete frame may supersede
 *                          one before it is decoded)
 * @param framesSuperseded  complete frames skipped because a newer one was ready first
 * @param framesIncomplete  frames dropped because a chunk never came — never shown
 * @param undecodable       complete frames that were not a JPEG
 * @param audioPlayed       audio frames played from the jitter buffer
 * @param audioConcealed    playout turns with no frame (lost or late), played as silence
 * @param packetsLost       datagrams missing by sequence number, audio and video
 * @param lossPercent       of the datagrams expected, audio and video
 * @param latencies         glass-to-glass latencies (ms) measured since the previous snapshot
 * @param microphone        the peer's microphone is on (its latest STATE; off before any)
 * @param camera            the peer's camera is on
 * @param audioLevel        how loud the peer's latest played audio frame was, 0 (silence) to 1 (full scale RMS):
 *                          who is speaking
 */
public record PeerStats(String name, int sessionId, long framesComplete, long framesShown, long framesSuperseded,
                        long framesIncomplete, long undecodable, long audioReceived, long audioPlayed,
                        long audioConcealed, long packetsLost, double lossPercent, List<Long> latencies,
                        boolean microphone, boolean camera, double audioLevel) {
}
