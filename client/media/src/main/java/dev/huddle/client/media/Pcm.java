package dev.huddle.client.media;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** 16-bit signed little-endian mono PCM: reading and writing samples, and a tone's pitch. */
public final class Pcm {

    private Pcm() {
    }

    public static short sample(byte[] pcm, int index) {
        return (short) (pcm[2 * index] & 0xFF | pcm[2 * index + 1] << 8);
    }

    public static void put(byte[] pcm, int index, int value) {
        pcm[2 * index] = (byte) value;
        pcm[2 * index + 1] = (byte) (value >> 8);
    }

    public static byte[] concat(List<byte[]> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /**
     * The frequency of a tone from how often the signal crosses zero (rising), which is what tests
     * use to tell one tone from another after coding and transport. 0 for silence.
     */
    public static double zeroCrossingHertz(byte[] pcm, int sampleRate) {
        int samples = pcm.length / 2;
        int first = -1;
        int last = -1;
        int crossings = 0;
        for (int i = 1; i < samples; i++) {
            if (sample(pcm, i - 1) < 0 && sample(pcm, i) >= 0) {
                if (first < 0) {
                    first = i;
                }
                last = i;
                crossings++;
            }
        }
        return crossings < 2 ? 0 : (crossings - 1) * (double) sampleRate / (last - first);
    }

    /**
     * The amplitude of one frequency in the signal (the Goertzel algorithm): about 8,000 for a
     * {@link ToneSource} at that frequency, near 0 when it is absent, however many other tones are mixed in.
     */
    public static double toneAmplitude(byte[] pcm, double hertz, int sampleRate) {
        int samples = pcm.length / 2;
        double coefficient = 2 * Math.cos(2 * Math.PI * hertz / sampleRate);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = 0; i < samples; i++) {
            double current = sample(pcm, i) + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        return samples == 0 ? 0 : 2 * Math.sqrt(Math.max(0, power)) / samples;
    }

    /** The root mean square of the samples: 0 for silence. */
    public static double rms(byte[] pcm) {
        int samples = pcm.length / 2;
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            double s = sample(pcm, i);
            sum += s * s;
        }
        return samples == 0 ? 0 : Math.sqrt(sum / samples);
    }
}
