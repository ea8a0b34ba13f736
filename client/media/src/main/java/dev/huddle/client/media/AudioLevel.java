package dev.huddle.client.media;

/** How loud a 16-bit little-endian PCM frame is: who is speaking, for a level meter. */
public final class AudioLevel {

    private AudioLevel() {
    }

    /** The frame's RMS as a fraction of full scale, 0 to 1; 0 for {@code null} (a gap, played as silence). */
    public static double rms(byte[] pcm) {
        if (pcm == null || pcm.length < 2) {
            return 0;
        }
        double sum = 0;
        int samples = pcm.length / 2;
        for (int i = 0; i < samples; i++) {
            short value = (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8));
            sum += (double) value * value;
        }
        return Math.min(1, Math.sqrt(sum / samples) / Short.MAX_VALUE);
    }
}
