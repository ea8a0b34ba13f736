package dev.huddle.desktop.model;

import dev.huddle.client.media.AudioSink;
import dev.huddle.client.media.AudioSource;
import dev.huddle.client.media.LiveVideo;
import dev.huddle.client.media.SoundDevices;
import dev.huddle.client.media.SyntheticVideo;
import dev.huddle.client.media.ToneSource;
import dev.huddle.client.media.VideoSource;
import dev.huddle.client.media.VideoSourceUnavailable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Line;
import javax.sound.sampled.TargetDataLine;

/**
 * The desktop's real devices: V4L2 cameras under {@code /dev/video*} and the X screen in
 * {@code DISPLAY} through JavaCV's FFmpeg, the default microphone and speaker through Java Sound.
 * What a machine lacks falls back to the synthetic stand-ins, and {@code unavailable} hears why in
 * one line (the application prints it), so a call never fails for want of a device.
 */
public final class DeviceCallSources implements CallSources {

    private static final int FPS = 15;

    private final Path devices;
    private final String display;
    private final Consumer<String> unavailable;
    private final CallSources fallback = CallSources.synthetic();

    DeviceCallSources(Path devices, String display, Consumer<String> unavailable) {
        this.devices = devices;
        this.display = display;
        this.unavailable = unavailable;
    }

    /** This machine's devices; what cannot open is reported to {@code unavailable}. */
    public static DeviceCallSources here(Consumer<String> unavailable) {
        return new DeviceCallSources(Path.of("/dev"), System.getenv("DISPLAY"), unavailable);
    }

    @Override
    public List<String> cameras() {
        try (Stream<Path> entries = Files.list(devices)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("video")).map(Path::toString).sorted()
                .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public List<String> microphones() {
        return AudioSystem.isLineSupported(new Line.Info(TargetDataLine.class)) ? List.of("Default microphone")
            : List.of();
    }

    @Override
    public VideoSource camera(String device, String username) {
        if (device == null) {
            return new SyntheticVideo(WIDTH, HEIGHT, username);
        }
        try {
            return LiveVideo.camera(device, WIDTH, HEIGHT, FPS, false);
        } catch (VideoSourceUnavailable | LinkageError e) {
            unavailable.accept("camera: " + e.getMessage() + "; a test pattern stands in");
            return fallback.camera(device, username);
        }
    }

    @Override
    public VideoSource screen(String username) {
        try {
            return LiveVideo.screen(display, WIDTH, HEIGHT, FPS, false);
        } catch (VideoSourceUnavailable | LinkageError e) {
            unavailable.accept("screen: " + e.getMessage() + "; a slide stands in");
            return fallback.screen(username);
        }
    }

    @Override
    public AudioSource microphone(String device) {
        if (device == null) {
            return new ToneSource(440);
        }
        SoundDevices.Opened<AudioSource> opened = SoundDevices.microphone();
        if (opened.device() == null) {
            unavailable.accept("microphone: " + opened.unavailable() + "; a tone stands in");
            return fallback.microphone(device);
        }
        return opened.device();
    }

    @Override
    public AudioSink speaker() {
        SoundDevices.Opened<SoundDevices.Speaker> opened = SoundDevices.speaker();
        if (opened.device() == null) {
            unavailable.accept("speaker: " + opened.unavailable() + "; the call is not heard here");
            return AudioSink.NONE;
        }
        return opened.device();
    }
}
