package dev.huddle.client.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoSourcesTest {

    @Test
    void aVideoFileIsReadBackFrameByFrameFittedToTheCallsSizeStampedAndLooped(@TempDir Path dir) throws Exception {
        Path file = VideoFiles.coloured(dir.resolve("clip.avi"), 400, 300, 6);
        try (FileVideo video = new FileVideo(file, 640, 480, true)) {
            List<Integer> colours = new ArrayList<>();
            for (int n = 0; n < 12; n++) {
                BufferedImage picture = video.capture(n, 1_000 + n);
                assertThat(picture.getWidth()).isEqualTo(640);
                assertThat(picture.getHeight()).isEqualTo(480);
                assertThat(FrameStamp.read(picture)).hasValue(new FrameStamp.Stamp(n, 1_000 + n));
                colours.add(VideoFiles.colourAt(picture, 320, 300));
            }
            assertThat(colours.subList(0, 6)).as("the file's frames in order").containsExactly(0, 1, 2, 3, 4, 5);
            assertThat(colours.subList(6, 12)).as("from the start again at the end").containsExactly(0, 1, 2, 3, 4, 5);
        }
    }

    @Test
    void aFileOfAnotherShapeKeepsItsProportionsBetweenBlackBars(@TempDir Path dir) throws Exception {
        Path file = VideoFiles.coloured(dir.resolve("wide.avi"), 640, 240, 1);
        try (FileVideo video = new FileVideo(file, 640, 480, false)) {
            BufferedImage picture = video.capture(0, 0);
            assertThat(new Color(picture.getRGB(320, 20))).isEqualTo(Color.BLACK);
            assertThat(VideoFiles.colourAt(picture, 320, 240)).isZero();
        }
    }

    @Test
    void aMissingFileSaysSoInOneLine(@TempDir Path dir) {
        assertThatThrownBy(() -> VideoSpec.parse("file:" + dir.resolve("nope.mp4")).open(640, 480, 15, "x", null, true))
            .isInstanceOf(VideoSourceUnavailable.class).hasMessageContaining("no video file at")
            .hasMessageContaining("nope.mp4");
    }

    @Test
    void aFileThatIsNoVideoSaysSo(@TempDir Path dir) throws Exception {
        Path text = java.nio.file.Files.writeString(dir.resolve("notes.mp4"), "not a video");
        assertThatThrownBy(() -> new FileVideo(text, 640, 480, true)).isInstanceOf(VideoSourceUnavailable.class)
            .hasMessageStartingWith("cannot open the video file").hasMessageNotContaining("\n");
    }

    @Test
    void aMissingCameraSaysWhichDevicesExist() {
        assertThatThrownBy(() -> VideoSpec.parse("device:/dev/video-none").open(640, 480, 15, "x", null, true))
            .isInstanceOf(VideoSourceUnavailable.class).hasMessageStartingWith("no camera at /dev/video-none");
    }

    @Test
    void screenWithoutADisplaySaysHowToGetOne() {
        assertThatThrownBy(() -> VideoSpec.parse("screen").open(640, 480, 15, "x", null, true))
            .isInstanceOf(VideoSourceUnavailable.class).hasMessageContaining("DISPLAY is not set");
        assertThatThrownBy(() -> VideoSpec.parse("screen:127.0.0.1:97").open(640, 480, 15, "x", null, true))
            .isInstanceOf(VideoSourceUnavailable.class).hasMessageStartingWith("cannot open the X display 127.0.0.1:97");
    }

    @Test
    void specsAreCheckedBeforeAnythingOpens() {
        assertThat(VideoSpec.parse("synthetic")).isEqualTo(new VideoSpec(VideoSpec.Kind.SYNTHETIC, null));
        assertThat(VideoSpec.parse("device")).isEqualTo(new VideoSpec(VideoSpec.Kind.DEVICE, null));
        assertThat(VideoSpec.parse("file:/tmp/a b.mp4")).isEqualTo(new VideoSpec(VideoSpec.Kind.FILE, "/tmp/a b.mp4"));
        assertThat(VideoSpec.parse("screen::1")).isEqualTo(new VideoSpec(VideoSpec.Kind.SCREEN, ":1"));
        assertThat(VideoSpec.parse("none").open(640, 480, 15, "x", null, true)).isNull();
        for (String bad : List.of("camera", "file", "file:", "synthetic:x", "none:1", "")) {
            assertThatThrownBy(() -> VideoSpec.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(VideoSpec.USAGE);
        }
    }

    @Test
    void aShrunkPictureKeepsAReadableStampAndNeverGoesBelowWhatAStampNeeds() {
        BufferedImage picture = new SyntheticVideo(640, 480, "x").capture(42, 123_456);
        BufferedImage half = Pictures.shrink(picture, 0.75, 42, 123_456);
        assertThat(half.getWidth()).isEqualTo(480);
        assertThat(half.getHeight()).isEqualTo(360);
        assertThat(FrameStamp.read(JpegCodec.decode(JpegCodec.encode(half, 0.3f))))
            .hasValue(new FrameStamp.Stamp(42, 123_456));
        assertThat(Pictures.shrink(new SyntheticVideo(320, 240, "x").capture(1, 2), 0.5, 1, 2).getWidth())
            .isEqualTo(FrameStamp.MIN_WIDTH);
        assertThat(Pictures.shrink(picture, 1.0, 42, 123_456)).isSameAs(picture);
    }
}
