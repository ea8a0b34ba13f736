package dev.huddle.client.media;

/**
 * What one peer's jitter buffer did, since the call began ({@link Call#audioPlayout}).
 *
 * @param delayMillis  the playout delay aimed at now (40–200 ms, from the measured jitter)
 * @param jitterMillis RFC 3550 interarrival jitter of the peer's audio
 * @param played       frames played in their turn
 * @param repeated     gaps concealed by playing the previous frame once more
 * @param concealed    turns without their frame: repeated, or silence
 * @param late         frames that came after their turn, dropped
 * @param duplicates   second copies, dropped
 * @param trimmed      frames discarded to bring the delay down
 * @param undecodable  frames that did not decode (unknown codec, corrupt Opus)
 */
public record AudioPlayout(int delayMillis, double jitterMillis, long played, long repeated, long concealed,
                           long late, long duplicates, long trimmed, long undecodable) {
}
