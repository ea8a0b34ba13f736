package dev.huddle.client.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioMixerTest {

    @Test
    void speakersAddUpAndClipInsteadOfWrapping() {
        byte[] a = frame(10_000);
        byte[] b = frame(-3_000);
        assertThat(sample(AudioMixer.mix(List.of(a, b)), 5)).isEqualTo(7_000);
        assertThat(sample(AudioMixer.mix(List.of(a, a, a, a)), 5)).isEqualTo(Short.MAX_VALUE);
        assertThat(sample(AudioMixer.mix(List.of(frame(-20_000), frame(-20_000))), 0)).isEqualTo(Short.MIN_VALUE);
    }

    @Test
    void aGapOrAFrameOfTheWrongSizeIsSilence() {
        byte[] a = frame(1_234);
        assertThat(AudioMixer.mix(Arrays.asList(a, null, new byte[7]))).isEqualTo(a);
        assertThat(AudioMixer.mix(Arrays.asList((byte[]) null))).containsOnly(0);
    }

    @Test
    void twoTonesMixedCanEachBeHeardInTheMix() {
        ToneSource low = new ToneSource(500);
        ToneSource high = new ToneSource(1500);
        List<byte[]> mixed = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            mixed.add(AudioMixer.mix(List.of(low.next(), high.next())));
        }
        byte[] pcm = Pcm.concat(mixed);
        assertThat(Pcm.toneAmplitude(pcm, 500, AudioSource.SAMPLE_RATE)).isBetween(7_500.0, 8_500.0);
        assertThat(Pcm.toneAmplitude(pcm, 1500, AudioSource.SAMPLE_RATE)).isBetween(7_500.0, 8_500.0);
        assertThat(Pcm.toneAmplitude(pcm, 1000, AudioSource.SAMPLE_RATE)).isLessThan(200.0);
    }

    private static byte[] frame(int value) {
        byte[] frame = new byte[AudioSource.FRAME_BYTES];
        for (int i = 0; i < AudioSource.SAMPLES_PER_FRAME; i++) {
            frame[2 * i] = (byte) value;
            frame[2 * i + 1] = (byte) (value >> 8);
        }
        return frame;
    }

    private static int sample(byte[] frame, int index) {
        return (short) (frame[2 * index] & 0xFF | frame[2 * index + 1] << 8);
    }
}
