package dev.huddle.bench;

import dev.huddle.client.media.AudioPlayout;
import dev.huddle.client.media.AudioSource;
import dev.huddle.client.media.Call;
import dev.huddle.client.media.CallSettings;
import dev.huddle.client.media.ToneSource;
import dev.huddle.media.wire.AudioCodec;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Audio bandwidth per participant, PCM against Opus, in one run: one {@link Call} speaks (audio only)
 * through the relay's data path to a second that listens, for each signal and codec in turn; the
 * figure is the AUDIO datagram bytes the speaker sent per second (header included) and the same on
 * the wire (plus 28 bytes of IPv4 and UDP per datagram). PCM is the reference, measured in the same
 * run; Opus is FFmpeg's libopus at {@code AudioCodecs.OPUS_BITS_PER_SECOND} (VBR, VoIP tuning).
 * Signals: the CLI's 440 Hz tone, and noise shaped like speech (syllables at ~4 Hz) — a harder case
 * for Opus than a tone.
 *
 * <pre>AudioBandwidthBench [seconds per run, default 10]</pre>
 */
public final class AudioBandwidthBench {

    private static final int IP_UDP_BYTES = 28;

    private AudioBandwidthBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int member = 0;
        try (BenchRelay relay = BenchRelay.open()) {
            for (var signal : new Signal[] {new Signal("440 Hz tone", () -> new ToneSource(440)),
                new Signal("speech-like noise", SyllableNoise::new)}) {
                double pcm = 0;
                for (AudioCodec codec : new AudioCodec[] {AudioCodec.PCM16, AudioCodec.OPUS}) {
                    Run run = run(relay, member, member + 1, signal.source().get(), codec, seconds);
                    member += 2;
                    if (codec == AudioCodec.PCM16) {
                        pcm = run.wireBytesPerSecond();
                    }
                    System.out.printf(Locale.ROOT, "%-18s %-5s %6.0f datagrams/s, %5.1f B payload+header each, "
                            + "%6.1f kbit/s on the wire, %5.1f %% of PCM; listener played %d, concealed %d%n",
                        signal.name(), codec, run.datagramsPerSecond(), run.bytesPerDatagram(),
                        run.wireBytesPerSecond() * 8 / 1000, 100 * run.wireBytesPerSecond() / pcm,
                        run.heard().played(), run.heard().concealed());
                }
            }
        }
        System.exit(0);
    }

    private record Signal(String name, Supplier<AudioSource> source) {
    }

    private record Run(double datagramsPerSecond, double bytesPerDatagram, AudioPlayout heard) {
        double wireBytesPerSecond() {
            return datagramsPerSecond * (bytesPerDatagram + IP_UDP_BYTES);
        }
    }

    private static Run run(BenchRelay relay, int speakerIndex, int listenerIndex, AudioSource source,
                           AudioCodec codec, int seconds) throws InterruptedException {
        try (Call listener = relay.join(listenerIndex, new CallSettings(null, null, 15, 0.7f),
                 pcm -> { });
             Call speaker = relay.join(speakerIndex, new CallSettings(null, source, 15, 0.7f, codec), pcm -> { })) {
            if (speaker.audioCodec() != codec) {
                throw new IllegalStateException(codec + " did not open here");
            }
            Thread.sleep(1_000); // warm-up: the first datagrams, the JIT
            long frames = speaker.stats().audioSent();
            long bytes = speaker.audioBytesSent();
            long start = System.nanoTime();
            Thread.sleep(seconds * 1_000L);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long sentFrames = speaker.stats().audioSent() - frames;
            long sentBytes = speaker.audioBytesSent() - bytes;
            AudioPlayout heard = listener.audioPlayout().values().stream().findFirst().orElseThrow();
            return new Run(sentFrames / elapsed, (double) sentBytes / sentFrames, heard);
        }
    }

    /** White noise whose loudness rises and falls four times a second, like syllables. */
    private static final class SyllableNoise implements AudioSource {
        private final Random random = new Random(42);
        private long sample;

        @Override
        public byte[] next() {
            byte[] frame = new byte[FRAME_BYTES];
            for (int i = 0; i < SAMPLES_PER_FRAME; i++, sample++) {
                double envelope = Math.max(0, Math.sin(2 * Math.PI * 4 * sample / SAMPLE_RATE));
                dev.huddle.client.media.Pcm.put(frame, i, (int) (random.nextGaussian() * 4_000 * envelope));
            }
            return frame;
        }
    }
}
