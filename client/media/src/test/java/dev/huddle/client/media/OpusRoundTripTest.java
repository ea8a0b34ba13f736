package dev.huddle.client.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.media.wire.AudioCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opus through FFmpeg's libopus: a tone in, far fewer bytes on the wire, the same tone out. */
class OpusRoundTripTest {

    @Test
    void aToneSurvivesOpusInUnderAFifthOfThePcmBytes() {
        assertThat(AudioCodecs.opusUnavailable()).as("libopus is in the FFmpeg build").isNull();
        ToneSource tone = new ToneSource(600);
        List<byte[]> decoded = new ArrayList<>();
        long coded = 0;
        try (AudioEncoder encoder = AudioCodecs.encoder(AudioCodec.OPUS);
             AudioDecoder decoder = AudioCodecs.decoder(AudioCodec.OPUS)) {
            assertThat(encoder.codec()).isEqualTo(AudioCodec.OPUS);
            for (int i = 0; i < 100; i++) {
                byte[] opus = encoder.encode(tone.next());
                if (opus != null) {
                    coded += opus.length;
                    byte[] pcm = decoder.decode(opus);
                    assertThat(pcm).hasSize(AudioSource.FRAME_BYTES);
                    decoded.add(pcm);
                }
            }
        }
        assertThat(decoded).hasSizeGreaterThan(95);
        assertThat(coded).as("bytes for %d frames", decoded.size())
            .isLessThan(decoded.size() * (long) AudioSource.FRAME_BYTES / 5);
        byte[] late = Pcm.concat(decoded.subList(50, 100));
        assertThat(Pcm.zeroCrossingHertz(late, AudioSource.SAMPLE_RATE)).isBetween(590.0, 610.0);
    }

    @Test
    void garbageDoesNotDecodeAndDoesNotThrow() {
        try (AudioDecoder decoder = AudioCodecs.decoder(AudioCodec.OPUS)) {
            assertThat(decoder.decode(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF})).isNull();
        }
    }
}
