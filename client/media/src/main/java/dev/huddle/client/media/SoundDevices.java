package dev.huddle.client.media;

import java.util.concurrent.ArrayBlockingQueue;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * The machine's microphone and speaker through {@code javax.sound.sampled}, in the call's format
 * ({@link WavFileSource#CALL_FORMAT}). Opening never throws: on a machine without sound devices (a
 * server, CI) it answers why, and the call goes on without that side of the audio.
 */
public final class SoundDevices {

    /** Either an opened device or why there is none (e.g. "Java Sound finds no sound device"). */
    public record Opened<T>(T device, String unavailable) {
    }

    private static final int QUEUED_FRAMES = 5;

    private SoundDevices() {
    }

    /** The default microphone, captured on a thread of its own into 20 ms frames. */
    public static Opened<AudioSource> microphone() {
        try {
            TargetDataLine line = (TargetDataLine) AudioSystem.getLine(
                new DataLine.Info(TargetDataLine.class, WavFileSource.CALL_FORMAT));
            line.open(WavFileSource.CALL_FORMAT, AudioSource.FRAME_BYTES * QUEUED_FRAMES);
            line.start();
            return new Opened<>(new Microphone(line), null);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            return new Opened<>(null, why(e));
        }
    }

    /** The default speaker. */
    public static Opened<Speaker> speaker() {
        try {
            SourceDataLine line = (SourceDataLine) AudioSystem.getLine(
                new DataLine.Info(SourceDataLine.class, WavFileSource.CALL_FORMAT));
            line.open(WavFileSource.CALL_FORMAT, AudioSource.FRAME_BYTES * QUEUED_FRAMES);
            line.start();
            return new Opened<>(new Speaker(line), null);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            return new Opened<>(null, why(e));
        }
    }

    private static String why(Exception e) {
        return AudioSystem.getMixerInfo().length == 0 ? "Java Sound finds no sound device" : e.getMessage();
    }

    /**
     * Reads the line on its own thread so the call's clock never blocks on the device; the clock takes
     * the oldest captured frame, or silence when the device is behind. A frame the clock is too slow
     * for is dropped rather than let the delay grow.
     */
    private static final class Microphone implements AudioSource {
        private final TargetDataLine line;
        private final ArrayBlockingQueue<byte[]> frames = new ArrayBlockingQueue<>(QUEUED_FRAMES);
        private final Thread reader;

        Microphone(TargetDataLine line) {
            this.line = line;
            this.reader = Thread.ofPlatform().daemon().name("microphone").start(this::read);
        }

        private void read() {
            while (line.isOpen()) {
                byte[] frame = new byte[FRAME_BYTES];
                int read = 0;
                while (read < FRAME_BYTES && line.isOpen()) {
                    read += line.read(frame, read, FRAME_BYTES - read);
                }
                if (!frames.offer(frame)) {
                    frames.poll();
                    frames.offer(frame);
                }
            }
        }

        @Override
        public byte[] next() {
            byte[] frame = frames.poll();
            return frame == null ? new byte[FRAME_BYTES] : frame;
        }

        @Override
        public void close() {
            line.stop();
            line.close();
            reader.interrupt();
        }
    }

    /** Writes only what fits in the line's buffer now, so the call's clock never waits on the device. */
    public static final class Speaker implements AudioSink, AutoCloseable {
        private final SourceDataLine line;

        Speaker(SourceDataLine line) {
            this.line = line;
        }

        @Override
        public void play(byte[] pcm) {
            if (line.available() >= pcm.length) {
                line.write(pcm, 0, pcm.length);
            }
        }

        @Override
        public void close() {
            line.drain();
            line.close();
        }
    }
}
