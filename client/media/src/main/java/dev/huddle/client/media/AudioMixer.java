package dev.huddle.client.media;

import java.util.List;

/** Mixes several speakers' 16-bit little-endian PCM frames into one, clipping instead of wrapping. */
public final class AudioMixer {

    private AudioMixer() {
    }

    /**
     * The sum of the frames, sample by sample, clipped to 16 bits; {@code null} entries (gaps) are
     * silence. Frames of the wrong length count as silence too (a sender with other settings).
     */
    public static byte[] mix(List<byte[]> frames) {
        byte[] out = new byte[AudioSource.FRAME_BYTES];
        if (frames.size() == 1 && frames.getFirst() != null && frames.getFirst().length == out.length) {
            return frames.getFirst().clone();
        }
        for (int i = 0; i < AudioSource.SAMPLES_PER_FRAME; i++) {
            int sum = 0;
            for (byte[] frame : frames) {
                if (frame != null && frame.length == out.length) {
                    sum += (short) (frame[2 * i] & 0xFF | frame[2 * i + 1] << 8);
                }
            }
            int clipped = Math.clamp(sum, Short.MIN_VALUE, Short.MAX_VALUE);
            out[2 * i] = (byte) clipped;
            out[2 * i + 1] = (byte) (clipped >> 8);
        }
        return out;
    }
}
