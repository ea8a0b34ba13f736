package dev.huddle.desktop.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.client.media.AudioSink;
import dev.huddle.client.media.LiveVideo;
import dev.huddle.client.media.SyntheticVideo;
import dev.huddle.client.media.ToneSource;
import dev.huddle.client.media.VideoSource;
import dev.huddle.server.testing.Eventually;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application's devices, on a machine with an X display (Xvfb in the tests) and no camera or sound card. */
class DeviceCallSourcesTest {

    private final List<String> unavailable = new CopyOnWriteArrayList<>();

    @Test
    void sharingTheScreenGrabsTheRealDisplayThroughFfmpeg(@TempDir Path dev) throws Exception {
        String display = System.getenv("DISPLAY");
        Assumptions.assumeTrue(display != null, "no X display (the desktop tests run under xvfb-run)");
        DeviceCallSources sources = new DeviceCallSources(dev, display, unavailable::add);
        try (VideoSource screen = sources.screen("alice")) {
            assertThat(screen).isInstanceOf(LiveVideo.class);
            AtomicReference<BufferedImage> picture = new AtomicReference<>();
            Eventually.assertThat(() -> {
                picture.compareAndSet(null, screen.capture(1, System.currentTimeMillis()));
                assertThat(picture.get()).isNotNull();
            });
            assertThat(picture.get().getWidth()).isEqualTo(CallSources.WIDTH);
            assertThat(picture.get().getHeight()).isEqualTo(CallSources.HEIGHT);
        }
        assertThat(unavailable).isEmpty();
    }

    @Test
    void withoutADisplayTheSlideStandsInAndSaysWhy(@TempDir Path dev) {
        DeviceCallSources sources = new DeviceCallSources(dev, null, unavailable::add);
        try (VideoSource screen = sources.screen("alice")) {
            assertThat(screen).isInstanceOf(SyntheticScreen.class);
        }
        assertThat(unavailable).singleElement().asString().startsWith("screen: no X display");
    }

    @Test
    void camerasAreTheVideoDevicesAndAMissingOneFallsBackToTheTestPattern(@TempDir Path dev) throws Exception {
        DeviceCallSources none = new DeviceCallSources(dev, null, unavailable::add);
        assertThat(none.cameras()).isEmpty();
        try (VideoSource camera = none.camera(null, "alice")) {
            assertThat(camera).isInstanceOf(SyntheticVideo.class);
        }
        Files.createFile(dev.resolve("video0"));
        Files.createFile(dev.resolve("null"));
        DeviceCallSources one = new DeviceCallSources(dev, null, unavailable::add);
        assertThat(one.cameras()).containsExactly(dev.resolve("video0").toString());
        try (VideoSource camera = one.camera(dev.resolve("video1").toString(), "alice")) {
            assertThat(camera).isInstanceOf(SyntheticVideo.class);
        }
        assertThat(unavailable).singleElement().asString().startsWith("camera: no camera at");
    }

    @Test
    void withoutASoundCardATonePlaysTheMicrophoneAndNothingIsHeard(@TempDir Path dev) throws Exception {
        Assumptions.assumeTrue(AudioSystem.getMixerInfo().length == 0, "this machine has sound devices");
        DeviceCallSources sources = new DeviceCallSources(dev, null, unavailable::add);
        assertThat(sources.microphones()).isEmpty();
        try (var microphone = sources.microphone("Default microphone")) {
            assertThat(microphone).isInstanceOf(ToneSource.class);
        }
        assertThat(sources.speaker()).isSameAs(AudioSink.NONE);
        assertThat(unavailable).hasSize(2).allMatch(line -> line.contains("Java Sound finds no sound device"));
    }
}
