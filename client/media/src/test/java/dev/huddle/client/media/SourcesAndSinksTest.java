package dev.huddle.client.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesAndSinksTest {

    @Test
    void theToneIsTwentyMillisecondsOfPcmAndContinuesAcrossFrames() {
        ToneSource tone = new ToneSource(440);
        byte[] first = tone.next();
        byte[] second = tone.next();
        assertThat(first).hasSize(AudioSource.FRAME_BYTES).isNotEqualTo(second);
        short lastOfFirst = (short) (first[first.length - 2] & 0xFF | first[first.length - 1] << 8);
        short firstOfSecond = (short) (second[0] & 0xFF | second[1] << 8);
        // one sample apart on a 440 Hz sine at 16 kHz and amplitude 8,000: at most ~1,400 apart
        assertThat(Math.abs(lastOfFirst - firstOfSecond)).isLessThan(1_500);
    }

    @Test
    void aSavedFrameIsTheWholeJpegUnderTheSendersNameAndNumber(@TempDir Path dir) throws Exception {
        byte[] jpeg = JpegCodec.encode(new SyntheticVideo(320, 240, "x").capture(5, 6), 0.6f);
        new DirectoryFrameSink(dir).frame("al/ice", 5, JpegCodec.decode(jpeg), jpeg);
        assertThat(Files.readAllBytes(dir.resolve("al_ice-5.jpg"))).isEqualTo(jpeg);
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }
}
