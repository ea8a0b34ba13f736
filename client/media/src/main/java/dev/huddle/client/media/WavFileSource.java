package dev.huddle.client.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A WAV file as the microphone ({@code --audio file:PATH}): read whole at start, converted by Java
 * Sound to 16-bit mono at {@link AudioSource#SAMPLE_RATE} (any PCM WAV Java Sound reads: other rates,
 * stereo, 8/24 bits), then played in 20 ms frames and looped so a call may outlast the file. Needs no
 * sound device.
 */
public final class WavFileSource implements AudioSource {

    /** What every frame of a call is: 16-bit signed little-endian mono PCM at {@link #SAMPLE_RATE}. */
    public static final AudioFormat CALL_FORMAT = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);

    private final byte[] pcm;
    private int position;

    private WavFileSource(byte[] pcm) {
        this.pcm = pcm;
    }

    /**
     * Reads {@code file}.
     *
     * @throws IllegalArgumentException when it is not a WAV file Java Sound can read and convert, or holds no sound
     * @throws UncheckedIOException when it cannot be read
     */
    public static WavFileSource open(Path file) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile());
             AudioInputStream converted = convert(in)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            converted.transferTo(out);
            byte[] pcm = out.toByteArray();
            if (pcm.length < FRAME_BYTES) {
                throw new IllegalArgumentException(file + " holds less than 20 ms of sound");
            }
            return new WavFileSource(java.util.Arrays.copyOf(pcm, pcm.length / FRAME_BYTES * FRAME_BYTES));
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException(file + " is not a WAV file this JVM reads: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static AudioInputStream convert(AudioInputStream in) {
        AudioFormat source = in.getFormat();
        if (source.matches(CALL_FORMAT)) {
            return in;
        }
        // two steps: Java Sound converts encoding/channels and sample rate in separate converters
        AudioFormat pcm16 = new AudioFormat(source.getSampleRate(), 16, 1, true, false);
        AudioInputStream step = source.matches(pcm16) ? in : AudioSystem.getAudioInputStream(pcm16, in);
        return AudioSystem.getAudioInputStream(CALL_FORMAT, step);
    }

    @Override
    public byte[] next() {
        byte[] frame = java.util.Arrays.copyOfRange(pcm, position, position + FRAME_BYTES);
        position = (position + FRAME_BYTES) % pcm.length;
        return frame;
    }
}
