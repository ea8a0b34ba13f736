package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.client.line.LineConnection;
import dev.huddle.client.media.AudioPlayout;
import dev.huddle.client.media.AudioSource;
import dev.huddle.client.media.Call;
import dev.huddle.client.media.CallControl;
import dev.huddle.client.media.CallSettings;
import dev.huddle.client.media.CallTicket;
import dev.huddle.client.media.FrameSink;
import dev.huddle.client.media.Pcm;
import dev.huddle.client.media.ToneSource;
import dev.huddle.client.media.WavFileSink;
import dev.huddle.client.media.WavFileSource;
import dev.huddle.media.wire.AudioCodec;
import dev.huddle.server.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Voice through a real relay, checked by what is heard: a WAV of three tones in turn (500, 1000,
 * 1500 Hz, 400 ms each, looped) is one participant's microphone, the other writes what comes out of
 * its jitter buffer to a WAV, and the tones read back from that file must follow each other in the
 * order they were sent — as PCM, as Opus, and over a path that loses 5 % and 20 % of the datagrams.
 */
class VoiceEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final int[] TONES = {500, 1000, 1500};
    private static final int FRAMES_PER_TONE = 20;

    @TempDir
    static Path root;
    static CallCluster cluster;
    static LineClient nc;
    static Path tones;

    @BeforeAll
    static void start() {
        cluster = CallCluster.start(root, Clock.systemUTC());
        nc = LineClient.connect(cluster.linePort);
        tones = root.resolve("tones.wav");
        try (WavFileSink file = WavFileSink.create(tones)) {
            for (int hz : TONES) {
                ToneSource tone = new ToneSource(hz);
                for (int i = 0; i < FRAMES_PER_TONE; i++) {
                    file.play(tone.next());
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        nc.close();
        cluster.close();
    }

    @Test
    void aWavSentAsPcmIsHeardInOrderThroughTheRelay() throws Exception {
        List<Integer> heard = call(AudioCodec.PCM16, 0, "pcm", null);
        assertThat(heard).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void aWavSentAsOpusIsHeardInOrderInAFractionOfTheBytes() throws Exception {
        List<Integer> heard = call(AudioCodec.OPUS, 0, "opus", (alice, frames) -> {
            assertThat(alice.audioCodec()).isEqualTo(AudioCodec.OPUS);
            assertThat(alice.audioBytesSent() / frames).as("bytes per Opus datagram")
                .isLessThan((AudioSource.FRAME_BYTES + 29) / 4);
        });
        assertThat(heard).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void withFivePercentLossGapsAreConcealedAndTheVoiceGoesOnInOrder() throws Exception {
        call(AudioCodec.PCM16, 0.05, "loss5", null);
    }

    @Test
    void withTwentyPercentLossOfOpusGapsAreConcealedAndTheVoiceGoesOnInOrder() throws Exception {
        call(AudioCodec.OPUS, 0.20, "loss20", null);
    }

    @Test
    void cliParticipantsSendAWavAsOpusAndWithoutSoundDevicesSayOnceThatTheyGoOnWithoutThem() throws Exception {
        CallRoom room = CallRoom.create(nc, "Voice cli", 1);
        Path heard = root.resolve("cli-heard.wav");
        var alice = java.util.concurrent.CompletableFuture.supplyAsync(() -> CliCallRun.run(cluster, root, room, 0,
            "--seconds", "6", "--json", "--video", "none", "--audio", "file:" + tones, "--audio-codec", "opus"));
        var bob = java.util.concurrent.CompletableFuture.supplyAsync(() -> CliCallRun.run(cluster, root, room, 1,
            "--seconds", "6", "--video", "none", "--audio", "device", "--save-audio", heard.toString()));
        CliCallRun sender = alice.get();
        CliCallRun listener = bob.get();
        assertThat(sender.status()).as(sender.err()).isZero();
        assertThat(listener.status()).as(listener.err()).isZero();
        var summary = new io.vertx.core.json.JsonObject(sender.out().lines().toList().getLast());
        assertThat(summary.getString("audioCodec")).isEqualTo("opus");
        assertThat(summary.getLong("audioBytesSent")).isPositive();
        List<String> notes = listener.out().lines().filter(l -> l.startsWith("note:")).toList();
        if (javax.sound.sampled.AudioSystem.getMixerInfo().length == 0) {
            assertThat(notes).as("one clear line").hasSize(1);
            assertThat(notes.getFirst()).contains("no sound device").contains("the call goes on without");
        }
        assertThat(listener.out()).contains("summary:");
        List<Integer> runs = toneRuns(Files.readAllBytes(heard));
        assertThat(runs).as("bob's WAV").hasSizeGreaterThanOrEqualTo(3);
        assertInTheOrderSent(runs);
    }

    @Test
    void twoSpeakersAreMixedAndAMutedOneFallsSilent() {
        CallRoom room = CallRoom.create(nc, "Voice mix", 2);
        List<byte[]> heard = java.util.Collections.synchronizedList(new ArrayList<>());
        CallSettings listens = new CallSettings(null, null, CallSettings.DEFAULT_FPS, CallSettings.DEFAULT_QUALITY);
        try (Member bob = join(room, 1, null, listens, heard::add);
             Member alice = join(room, 0, null, speaking(new ToneSource(500)), pcm -> { });
             Member carol = join(room, 2, null, speaking(new ToneSource(1500)), pcm -> { })) {
            Eventually.assertThat(WAIT, () -> {
                byte[] recent = recent(heard);
                assertThat(Pcm.toneAmplitude(recent, 500, AudioSource.SAMPLE_RATE)).as("alice in the mix")
                    .isGreaterThan(6_000);
                assertThat(Pcm.toneAmplitude(recent, 1500, AudioSource.SAMPLE_RATE)).as("carol in the mix")
                    .isGreaterThan(6_000);
            });
            alice.call.microphone(false);
            Eventually.assertThat(WAIT, () -> {
                byte[] recent = recent(heard);
                assertThat(Pcm.toneAmplitude(recent, 500, AudioSource.SAMPLE_RATE)).as("alice muted").isLessThan(300);
                assertThat(Pcm.toneAmplitude(recent, 1500, AudioSource.SAMPLE_RATE)).as("carol goes on")
                    .isGreaterThan(6_000);
            });
            alice.call.microphone(true);
            Eventually.assertThat(WAIT, () -> assertThat(Pcm.toneAmplitude(recent(heard), 500,
                AudioSource.SAMPLE_RATE)).as("alice back").isGreaterThan(6_000));
        }
    }

    private static CallSettings speaking(AudioSource source) {
        return new CallSettings(null, source, CallSettings.DEFAULT_FPS, CallSettings.DEFAULT_QUALITY);
    }

    /** The last half second heard (25 frames), or silence before there is that much. */
    private static byte[] recent(List<byte[]> heard) {
        synchronized (heard) {
            return heard.size() < 25 ? new byte[0] : Pcm.concat(heard.subList(heard.size() - 25, heard.size()));
        }
    }

    private interface SenderCheck {
        void check(Call alice, long frames);
    }

    /**
     * Alice sends the tones (through a lossy path when {@code loss} > 0), Bob records; returns the tone
     * runs Bob heard, each checked to follow the one before in the order sent.
     */
    private List<Integer> call(AudioCodec codec, double loss, String label, SenderCheck senderCheck)
        throws Exception {
        CallRoom room = CallRoom.create(nc, "Voice " + label, 1);
        Path heardFile = root.resolve(label + "-heard.wav");
        try (LossyUdpProxy path = new LossyUdpProxy("127.0.0.1", cluster.relayUdpPort, loss, 5)) {
            Member alice = join(room, 0, loss > 0 ? path : null,
                new CallSettings(null, WavFileSource.open(tones), CallSettings.DEFAULT_FPS,
                    CallSettings.DEFAULT_QUALITY, codec), pcm -> { });
            WavFileSink heard = WavFileSink.create(heardFile);
            Member bob = join(room, 1, null,
                new CallSettings(null, null, CallSettings.DEFAULT_FPS, CallSettings.DEFAULT_QUALITY), heard);
            try (alice; bob; heard) {
                Eventually.assertThat(WAIT, () -> assertThat(playout(bob, alice).played()).isGreaterThan(200));
                if (loss > 0) {
                    AudioPlayout before = playout(bob, alice);
                    assertThat(before.concealed()).as("lost frames were concealed").isPositive();
                    assertThat(before.repeated()).as("first by repeating the last frame").isPositive();
                    assertThat(path.dropped()).isPositive();
                    Eventually.assertThat(WAIT, () -> assertThat(playout(bob, alice).played())
                        .as("the voice goes on").isGreaterThan(before.played() + 50));
                }
                if (senderCheck != null) {
                    senderCheck.check(alice.call, alice.call.stats().audioSent());
                }
            }
        }
        List<Integer> runs = toneRuns(Files.readAllBytes(heardFile));
        assertInTheOrderSent(runs);
        assertThat(runs).as("what bob heard").hasSizeGreaterThanOrEqualTo(4);
        return runs;
    }

    /** Each tone heard is the one sent after the tone before it. */
    private static void assertInTheOrderSent(List<Integer> runs) {
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i)).as("tone run %d of %s", i, runs).isEqualTo(TONES[
                (Arrays.stream(TONES).boxed().toList().indexOf(runs.get(i - 1)) + 1) % TONES.length]);
        }
    }

    /** The tones of a WAV file, 20 ms at a time, as runs of at least three frames of one tone. */
    private static List<Integer> toneRuns(byte[] wav) {
        byte[] pcm = Arrays.copyOfRange(wav, 44, wav.length);
        List<Integer> runs = new ArrayList<>();
        int current = 0;
        int length = 0;
        for (int at = 0; at + AudioSource.FRAME_BYTES <= pcm.length; at += AudioSource.FRAME_BYTES) {
            byte[] frame = Arrays.copyOfRange(pcm, at, at + AudioSource.FRAME_BYTES);
            int tone = Pcm.rms(frame) < 500 ? 0 : nearestTone(Pcm.zeroCrossingHertz(frame, AudioSource.SAMPLE_RATE));
            if (tone == 0) {
                continue; // silence (a gap, or before playout), or a frame across two tones
            }
            if (tone == current) {
                length++;
            } else {
                current = tone;
                length = 1;
            }
            if (length == 3 && (runs.isEmpty() || runs.getLast() != tone)) {
                runs.add(tone);
            }
        }
        return runs;
    }

    private static int nearestTone(double hertz) {
        for (int tone : TONES) {
            if (Math.abs(hertz - tone) < tone * 0.08) {
                return tone;
            }
        }
        return 0;
    }

    private static AudioPlayout playout(Member listener, Member speaker) {
        AudioPlayout playout = listener.call.audioPlayout().get(speaker.name);
        if (playout == null) {
            throw new AssertionError(listener.name + " has heard nothing from " + speaker.name);
        }
        return playout;
    }

    private record Member(String name, LineConnection line, Call call) implements AutoCloseable {
        @Override
        public void close() {
            call.close();
            line.close();
        }
    }

    private static Member join(CallRoom room, int index, LossyUdpProxy path, CallSettings settings,
                               dev.huddle.client.media.AudioSink sink) {
        LineConnection line = LineConnection.open("127.0.0.1", cluster.linePort, Duration.ofSeconds(15));
        CallControl control = new CallControl(line, room.tokens()[index], room.id());
        CallTicket ticket = control.ticket();
        if (path != null) {
            ticket = ticket.via("127.0.0.1", path.port());
        }
        Call call = Call.start(ticket, settings, FrameSink.NONE, sink, control::username, Clock.systemUTC());
        return new Member(room.names()[index], line, call);
    }
}
