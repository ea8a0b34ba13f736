package dev.huddle.client.media;

/** A sine tone, phase-continuous across frames: a stand-in microphone where there is none. */
public final class ToneSource implements AudioSource {

    private final double hertz;
    private long sample;

    public ToneSource(double hertz) {
        this.hertz = hertz;
    }

    @Override
    public byte[] next() {
        byte[] frame = new byte[FRAME_BYTES];
        for (int i = 0; i < SAMPLES_PER_FRAME; i++, sample++) {
            short value = (short) (Math.sin(2 * Math.PI * hertz * sample / SAMPLE_RATE) * 8_000);
            frame[2 * i] = (byte) value;
            frame[2 * i + 1] = (byte) (value >> 8);
        }
        return frame;
    }
}
