package dev.huddle.client.cli;

import dev.huddle.client.media.AudioCodecs;
import dev.huddle.client.media.AudioSink;
import dev.huddle.client.media.AudioSource;
import dev.huddle.client.media.SoundDevices;
import dev.huddle.client.media.ToneSource;
import dev.huddle.client.media.WavFileSink;
import dev.huddle.client.media.WavFileSource;
import dev.huddle.media.wire.AudioCodec;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The sound side of {@code call}: {@code --audio tone|device|file:PATH|none} (what is sent),
 * {@code --audio-codec pcm|opus}, and where what is heard goes: the speaker with {@code --audio device},
 * a WAV file with {@code --save-audio FILE}, else nowhere. A device or codec that cannot open here is
 * one note, and the call goes on without it.
 */
record CliAudio(AudioSource source, AudioSink sink, AudioCodec codec, Runnable release)
    implements AutoCloseable {

    /** Checks the options before anything connects (a file that cannot be read is checked when opened). */
    static void check(Args options) {
        String audio = audio(options);
        if (!audio.equals("tone") && !audio.equals("device") && !audio.equals("none")
            && !(audio.startsWith("file:") && audio.length() > "file:".length())) {
            throw new Args.UsageException("--audio tone|device|file:PATH|none, not '" + audio + "'");
        }
        String codec = options.value("audio-codec");
        if (codec != null && !codec.equals("pcm") && !codec.equals("opus")) {
            throw new Args.UsageException("--audio-codec pcm|opus, not '" + codec + "'");
        }
    }

    static CliAudio open(Args options, Consumer<String> note) {
        String audio = audio(options);
        AudioSource source = null;
        AudioSink sink = AudioSink.NONE;
        Runnable speaker = () -> { };
        if (audio.equals("tone")) {
            source = new ToneSource(440);
        } else if (audio.startsWith("file:")) {
            try {
                source = WavFileSource.open(Path.of(audio.substring("file:".length())));
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                throw new Args.UsageException("--audio " + audio + ": " + e.getMessage());
            }
        } else if (audio.equals("device")) {
            SoundDevices.Opened<AudioSource> microphone = SoundDevices.microphone();
            SoundDevices.Opened<SoundDevices.Speaker> opened = SoundDevices.speaker();
            source = microphone.device();
            if (opened.device() != null) {
                sink = opened.device();
                speaker = opened.device()::close;
            }
            String mic = microphone.unavailable();
            String out = opened.unavailable();
            if (mic != null && mic.equals(out)) {
                note.accept("no sound device: no microphone or speaker (" + mic + "); the call goes on without them");
            } else if (mic != null || out != null) {
                note.accept("no sound device: " + (mic != null ? "no microphone (" + mic + ")" : "")
                    + (mic != null && out != null ? ", " : "") + (out != null ? "no speaker (" + out + ")" : "")
                    + "; the call goes on without " + (mic != null && out != null ? "them" : "it"));
            }
        } else {
            note.accept("no audio sent (--audio none)");
        }
        String save = options.value("save-audio");
        if (save != null) {
            WavFileSink file = WavFileSink.create(Path.of(save));
            sink = file;
            Runnable previous = speaker;
            speaker = () -> {
                file.close();
                previous.run();
            };
        }
        AudioCodec codec = "opus".equals(options.value("audio-codec")) ? AudioCodec.OPUS : AudioCodec.PCM16;
        if (codec == AudioCodec.OPUS && source != null) {
            String why = AudioCodecs.opusUnavailable();
            if (why != null) {
                note.accept("Opus unavailable (" + why + "); sending PCM");
                codec = AudioCodec.PCM16;
            }
        }
        return new CliAudio(source, sink, codec, speaker);
    }

    private static String audio(Args options) {
        return options.value("audio") == null ? "tone" : options.value("audio");
    }

    @Override
    public void close() {
        release.run();
    }
}
