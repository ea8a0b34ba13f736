package dev.huddle.client.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioFilesAndDevicesTest {

    @Test
    void whatTheSinkWritesTheSourceReadsBackFrameByFrame(@TempDir Path dir) {
        Path wav = dir.resolve("heard.wav");
        ToneSource tone = new ToneSource(700);
        byte[][] written = new byte[30][];
        try (WavFileSink sink = WavFileSink.create(wav)) {
            for (int i = 0; i < written.length; i++) {
                written[i] = tone.next();
                sink.play(written[i]);
            }
        }
        WavFileSource source = WavFileSource.open(wav);
        for (byte[] frame : written) {
            assertThat(source.next()).isEqualTo(frame);
        }
        assertThat(source.next()).as("the file loops").isEqualTo(written[0]);
    }

    @Test
    void aStereoFortyEightKilohertzWavIsConvertedToTheCallFormat(@TempDir Path dir) throws Exception {
        AudioFormat stereo = new AudioFormat(48_000, 16, 2, true, false);
        int frames = 48_000 / 2; // half a second
        byte[] pcm = new byte[frames * 4];
        for (int i = 0; i < frames; i++) {
            short s = (short) (Math.sin(2 * Math.PI * 500 * i / 48_000.0) * 8_000);
            for (int channel = 0; channel < 2; channel++) {
                pcm[4 * i + 2 * channel] = (byte) s;
                pcm[4 * i + 2 * channel + 1] = (byte) (s >> 8);
            }
        }
        Path wav = dir.resolve("stereo.wav");
        AudioSystem.write(new AudioInputStream(new java.io.ByteArrayInputStream(pcm), stereo, frames),
            javax.sound.sampled.AudioFileFormat.Type.WAVE, wav.toFile());
        WavFileSource source = WavFileSource.open(wav);
        byte[] converted = Pcm.concat(java.util.stream.Stream.generate(source::next).limit(20).toList());
        assertThat(Pcm.zeroCrossingHertz(converted, AudioSource.SAMPLE_RATE)).isBetween(495.0, 505.0);
    }

    @Test
    void aFileThatIsNotAWavIsRefusedWithItsName(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a sound");
        assertThatThrownBy(() -> WavFileSource.open(text)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("notes.txt");
    }

    @Test
    void withoutSoundDevicesOpeningSaysWhyAndNeverThrows() {
        SoundDevices.Opened<AudioSource> microphone = SoundDevices.microphone();
        SoundDevices.Opened<SoundDevices.Speaker> speaker = SoundDevices.speaker();
        assertThat(microphone.device() != null || !microphone.unavailable().isBlank()).isTrue();
        assertThat(speaker.device() != null || !speaker.unavailable().isBlank()).isTrue();
        if (AudioSystem.getMixerInfo().length == 0) {
            assertThat(microphone.unavailable()).isEqualTo("Java Sound finds no sound device");
        }
        if (microphone.device() != null) {
            assertThat(microphone.device().next()).hasSize(AudioSource.FRAME_BYTES);
            microphone.device().close();
        }
        if (speaker.device() != null) {
            speaker.device().close();
        }
    }
}
