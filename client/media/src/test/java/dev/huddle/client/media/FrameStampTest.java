package dev.huddle.client.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameStampTest {

    @ParameterizedTest
    @CsvSource({"640, 480, 0.7", "640, 480, 0.3", "320, 240, 0.5", "1280, 720, 0.9"})
    void theNumberAndTimeDrawnInSurviveJpeg(int width, int height, float quality) {
        SyntheticVideo video = new SyntheticVideo(width, height, "alice");
        long now = 1_733_100_000_123L;
        for (long frame : new long[] {0, 1, 77, 65_537, 0xFFFF_FFFFL}) {
            BufferedImage decoded = JpegCodec.decode(JpegCodec.encode(video.capture(frame, now + frame), quality));
            assertThat(FrameStamp.read(decoded)).contains(new FrameStamp.Stamp(frame, now + frame));
        }
    }

    @Test
    void aPictureWithoutAStampReadsAsNone() {
        BufferedImage grey = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        assertThat(FrameStamp.read(grey)).isEmpty();
        BufferedImage tooSmall = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        assertThat(FrameStamp.read(tooSmall)).isEmpty();
    }

    @Test
    void aFlippedBlockIsCaughtByTheCheckNotReadAsAnotherFrame() {
        BufferedImage image = new SyntheticVideo(640, 480, "bob").capture(12, 34);
        int block = FrameStamp.blockSize(640);
        for (int bit = 0; bit < 96; bit += 7) {
            BufferedImage copy = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
            copy.getGraphics().drawImage(image, 0, 0, null);
            int x = bit % FrameStamp.COLUMNS * block + block / 2;
            int y = bit / FrameStamp.COLUMNS * block + block / 2;
            copy.setRGB(x, y, ~copy.getRGB(x, y) & 0xFFFFFF);
            assertThat(FrameStamp.read(copy)).as("bit %d flipped", bit).isEmpty();
        }
    }

    @Test
    void consecutiveFramesDiffer() {
        SyntheticVideo video = new SyntheticVideo(640, 480, "carol");
        byte[] first = JpegCodec.encode(video.capture(1, 1000), 0.7f);
        byte[] second = JpegCodec.encode(video.capture(2, 1066), 0.7f);
        assertThat(first).isNotEqualTo(second);
        assertThat(JpegCodec.decode(new byte[] {1, 2, 3})).isNull();
    }
}
