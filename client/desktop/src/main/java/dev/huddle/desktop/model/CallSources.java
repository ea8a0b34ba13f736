package dev.huddle.desktop.model;

import dev.huddle.client.media.AudioSink;
import dev.huddle.client.media.AudioSource;
import dev.huddle.client.media.SyntheticVideo;
import dev.huddle.client.media.ToneSource;
import dev.huddle.client.media.VideoSource;
import java.util.List;

/**
 * Where a call's camera, screen and microphone come from, plugged into the call panel: device
 * sources where a machine has devices, synthetic ones where it has none (servers, CI, this build).
 * Each method makes a fresh source; the call closes it when done with it.
 */
public interface CallSources {

    int WIDTH = 640;
    int HEIGHT = 480;

    /** The names of the cameras found, for the device choice; empty when there are none. */
    List<String> cameras();

    /** The names of the microphones found; empty when there are none. */
    List<String> microphones();

    /** The camera named {@code device} (one of {@link #cameras()}), or a test pattern when there is none. */
    VideoSource camera(String device, String username);

    /** The screen, for sharing it. */
    VideoSource screen(String username);

    /** The microphone named {@code device}, or a tone when there is none. */
    AudioSource microphone(String device);

    /** Where the others are heard; the call closes it (if {@link AutoCloseable}) when it ends. */
    default AudioSink speaker() {
        return AudioSink.NONE;
    }

    /**
     * No devices: a moving test pattern for the camera, {@link SyntheticScreen} for the screen, a tone
     * for the microphone, nothing heard. The tests use these; the application uses
     * {@link DeviceCallSources}, which falls back to them for what a machine lacks.
     */
    static CallSources synthetic() {
        return new CallSources() {
            @Override
            public List<String> cameras() {
                return List.of();
            }

            @Override
            public List<String> microphones() {
                return List.of();
            }

            @Override
            public VideoSource camera(String device, String username) {
                return new SyntheticVideo(WIDTH, HEIGHT, username);
            }

            @Override
            public VideoSource screen(String username) {
                return new SyntheticScreen(WIDTH, HEIGHT, username);
            }

            @Override
            public AudioSource microphone(String device) {
                return new ToneSource(220 + Math.abs(device == null ? 0 : device.hashCode() % 220));
            }
        };
    }
}
