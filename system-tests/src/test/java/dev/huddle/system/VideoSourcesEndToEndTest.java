package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.client.media.CallSettings;
import dev.huddle.client.media.FileVideo;
import dev.huddle.client.media.LiveVideo;
import dev.huddle.client.media.VideoFiles;
import dev.huddle.server.testing.Eventually;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FFmpeg video sources in real calls through a real relay, with real auth and room services:
 * a video file made in the test, and the screen of an X server the test starts. What arrives is
 * checked in the decoded pictures: the frame number drawn in, and the colour the file or the screen
 * had.
 */
class VideoSourcesEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final int FILE_FRAMES = 6;

    @TempDir
    static Path root;
    static CallCluster cluster;
    static LineClient nc;

    @BeforeAll
    static void start() {
        cluster = CallCluster.start(root, Clock.systemUTC());
        nc = LineClient.connect(cluster.linePort);
    }

    @AfterAll
    static void stop() {
        nc.close();
        cluster.close();
    }

    @Test
    void aVideoFileArrivesFrameByFrameWholeInOrderAndLooped() throws Exception {
        Path clip = VideoFiles.coloured(root.resolve("clip.avi"), 320, 240, FILE_FRAMES);
        CallRoom room = CallRoom.create(nc, "File", 1);
        try (Participant alice = Participant.join(cluster.linePort, room, 0, null,
                name -> settings(new FileVideo(clip, 640, 480, true)));
             Participant bob = Participant.join(cluster.linePort, room, 1, null, name -> settings(null))) {
            Eventually.assertThat(WAIT, () -> assertThat(bob.framesFrom(alice.name)).hasSizeGreaterThan(2 * FILE_FRAMES));
            bob.assertWholeAndInOrder(alice.name);
            for (Participant.Shown frame : bob.framesFrom(alice.name)) {
                assertThat(VideoFiles.paletteIndex(frame.centre()))
                    .as("frame %d shows the file's frame %d", frame.headerNumber(), frame.headerNumber() % FILE_FRAMES)
                    .isEqualTo((int) (frame.headerNumber() % FILE_FRAMES));
            }
        }
    }

    @Test
    void aSharedScreenArrivesWholeAndLive() throws Exception {
        try (VirtualDisplay display = VirtualDisplay.start()) {
            display.paint();
            CallRoom room = CallRoom.create(nc, "Screen", 1);
            try (Participant alice = Participant.join(cluster.linePort, room, 0, null,
                    name -> settings(LiveVideo.screen(display.name, 640, 480, CallSettings.DEFAULT_FPS, true)));
                 Participant bob = Participant.join(cluster.linePort, room, 1, null, name -> settings(null))) {
                Eventually.assertThat(WAIT, () -> assertThat(coloursSeen(bob, alice))
                    .as("the painter's colours, changing as the screen does").hasSizeGreaterThanOrEqualTo(3));
                bob.assertWholeAndInOrder(alice.name);
            }
        }
    }

    private static Set<Integer> coloursSeen(Participant receiver, Participant sender) {
        Set<Integer> colours = new TreeSet<>();
        receiver.framesFrom(sender.name).forEach(f -> colours.add(VideoFiles.paletteIndex(f.centre())));
        colours.remove(-1);
        return colours;
    }

    private static CallSettings settings(dev.huddle.client.media.VideoSource video) {
        return new CallSettings(video, null, CallSettings.DEFAULT_FPS, CallSettings.DEFAULT_QUALITY);
    }
}
