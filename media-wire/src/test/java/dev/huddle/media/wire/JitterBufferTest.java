package dev.huddle.media.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The jitter buffer against hand-built arrival sequences on an injected timeline: frame {@code n} is
 * sent at {@code 20·n} ms and arrives {@code delay[n]} ms later (or never), and the playout clock takes
 * a turn every 20 ms. A turn's result is the number of the frame played, or {@link #SILENCE}.
 */
class JitterBufferTest {

    private static final int SILENCE = -1;
    private static final Integer LOST = null;

    @Test
    void aSteadyPathPlaysEveryFrameInOrderAtTheMinimumDelay() {
        JitterBuffer buffer = new JitterBuffer();
        List<Integer> turns = play(buffer, constant(100, 7), 0, 100, 10);
        assertThat(played(turns)).isEqualTo(range(0, played(turns).size()));
        assertThat(played(turns)).hasSizeGreaterThan(90);
        assertThat(buffer.targetDelayMillis()).isEqualTo(JitterBuffer.MIN_DELAY_MILLIS);
        assertThat(buffer.concealed()).isZero();
        assertThat(buffer.late()).isZero();
        assertThat(buffer.jitterMillis()).isZero();
    }

    @Test
    void aJitteryPathRaisesTheDelaySoThatLateFramesStillPlay() {
        JitterBuffer buffer = new JitterBuffer();
        Integer[] delays = new Integer[250];
        int[] pattern = {5, 45, 10, 70, 0, 35, 60, 15};
        for (int n = 0; n < delays.length; n++) {
            delays[n] = pattern[n % pattern.length];
        }
        List<Integer> turns = play(buffer, delays, 0, 260, 3);
        assertThat(buffer.targetDelayMillis()).as("4 × J above 40 ms, far below 200")
            .isGreaterThan(JitterBuffer.MIN_DELAY_MILLIS).isLessThan(JitterBuffer.MAX_DELAY_MILLIS);
        assertThat(played(turns)).as("in order").isSorted().doesNotHaveDuplicates();
        List<Integer> afterAdapting = played(turns).stream().filter(n -> n >= 100).toList();
        assertThat(afterAdapting).as("once adapted, nothing is late: every frame from 100 plays")
            .isEqualTo(range(100, afterAdapting.size()));
        assertThat(buffer.late()).as("a frame late for its turn was waited for instead").isZero();
        assertThat(buffer.concealed()).as("turns waited while the delay grew").isPositive().isLessThan(10);
    }

    @Test
    void theDelayNeverExceedsTwoHundredMilliseconds() {
        JitterBuffer buffer = new JitterBuffer();
        Integer[] delays = new Integer[200];
        for (int n = 0; n < delays.length; n++) {
            delays[n] = n % 2 == 0 ? 0 : 900;
        }
        play(buffer, delays, 0, 210, 1);
        assertThat(buffer.jitterMillis()).isGreaterThan(200);
        assertThat(buffer.targetDelayMillis()).isEqualTo(JitterBuffer.MAX_DELAY_MILLIS);
    }

    @Test
    void afterAStallTheDelayComesBackDownByTrimmingFrames() {
        JitterBuffer buffer = new JitterBuffer();
        Integer[] delays = constant(600, 5);
        for (int n = 20; n < 35; n++) {
            delays[n] = 700 - 20 * n; // a 300 ms stall: frames 20 to 34 arrive together at 700 ms
        }
        List<Integer> turns = play(buffer, delays, 0, 600, 10);
        assertThat(buffer.jitterMillis()).as("the estimate rose and decayed again").isLessThan(1);
        assertThat(buffer.targetDelayMillis()).isEqualTo(JitterBuffer.MIN_DELAY_MILLIS);
        assertThat(buffer.trimmed()).as("the backlog of the stall was trimmed").isPositive();
        assertThat(played(turns)).isSorted().doesNotHaveDuplicates();
        assertThat(turns.getLast()).as("the last turn plays a frame at most 40 ms old").isGreaterThanOrEqualTo(597);
    }

    @Test
    void aLostFrameIsTheLastOneRepeatedOnce() {
        JitterBuffer buffer = new JitterBuffer();
        Integer[] delays = constant(14, 5);
        delays[4] = LOST;
        delays[7] = LOST;
        delays[8] = LOST;
        List<Integer> turns = play(buffer, delays, 0, 15, 10);
        assertThat(turns).as("4 lost: 3 again; 7 and 8 lost, the buffer ran dry: 6 again, then it refills")
            .containsExactly(SILENCE, 0, 1, 2, 3, 3, 5, 6, 6, SILENCE, 9, 10, 11, 12, 13);
        assertThat(buffer.repeated()).isEqualTo(2);
        assertThat(buffer.concealed()).isEqualTo(2);
        assertThat(buffer.underruns()).isEqualTo(1);
        assertThat(buffer.played()).isEqualTo(11);
    }

    @Test
    void aLongerGapIsTheLastFrameOnceThenSilence() {
        JitterBuffer buffer = new JitterBuffer();
        List<byte[]> out = new ArrayList<>();
        for (int n : new int[] {1, 2, 3, 6, 7, 8, 9}) {
            buffer.offer(n, 20L * n, frame(n), 20L * n + 5);
            if (n >= 2) {
                out.add(buffer.poll());
            }
        }
        assertThat(out).containsExactly(frame(1), frame(2), frame(3), frame(3), null, frame(6));
        assertThat(buffer.repeated()).isEqualTo(1);
        assertThat(buffer.concealed()).isEqualTo(2);
    }

    @Test
    void duplicatesAndLateFramesAreDroppedAndCounted() {
        JitterBuffer buffer = new JitterBuffer();
        buffer.offer(1, 20, frame(1), 25);
        buffer.offer(1, 20, frame(1), 26);
        buffer.offer(2, 40, frame(2), 45);
        assertThat(buffer.duplicates()).isEqualTo(1);
        assertThat(buffer.poll()).isEqualTo(frame(1));
        assertThat(buffer.poll()).isEqualTo(frame(2));
        buffer.offer(4, 80, frame(4), 85);
        buffer.offer(5, 100, frame(5), 105);
        assertThat(buffer.poll()).as("3 is missing: 2 again").isEqualTo(frame(2));
        buffer.offer(3, 60, frame(3), 110);
        assertThat(buffer.late()).isEqualTo(1);
        assertThat(buffer.poll()).isEqualTo(frame(4));
        buffer.offer(1, 20, frame(1), 120);
        assertThat(buffer.late()).as("a copy of a frame already played").isEqualTo(2);
        assertThat(buffer.poll()).isEqualTo(frame(5));
    }

    @Test
    void beforePlayingAnEarlierFrameThatArrivesSecondPlaysFirst() {
        JitterBuffer buffer = new JitterBuffer();
        buffer.offer(11, 220, frame(11), 230);
        assertThat(buffer.poll()).isNull();
        assertThat(buffer.isPlaying()).isFalse();
        buffer.offer(10, 200, frame(10), 232);
        assertThat(buffer.poll()).isEqualTo(frame(10));
        assertThat(buffer.isPlaying()).isTrue();
        assertThat(buffer.poll()).isEqualTo(frame(11));
        assertThat(buffer.late()).isZero();
    }

    @Test
    void anUnderrunRefillsToTheTargetBeforePlayingAgain() {
        JitterBuffer buffer = new JitterBuffer();
        buffer.offer(1, 20, frame(1), 20);
        buffer.offer(2, 40, frame(2), 40);
        assertThat(buffer.poll()).isEqualTo(frame(1));
        assertThat(buffer.poll()).isEqualTo(frame(2));
        assertThat(buffer.poll()).as("the sender went quiet: the last frame once more").isEqualTo(frame(2));
        assertThat(buffer.isPlaying()).isFalse();
        assertThat(buffer.poll()).isNull();
        assertThat(buffer.underruns()).isEqualTo(1);
        buffer.offer(3, 5_000, frame(3), 5_000);
        assertThat(buffer.poll()).as("one frame is below 40 ms").isNull();
        buffer.offer(4, 5_020, frame(4), 5_020);
        assertThat(buffer.poll()).isEqualTo(frame(3));
        assertThat(buffer.jitterMillis()).as("a pause in sending is not jitter").isZero();
        assertThat(buffer.concealed()).as("only the turn the buffer ran dry").isEqualTo(1);
    }

    @Test
    void keepsOrderAcrossTheSequenceAndTimestampWrap() {
        JitterBuffer buffer = new JitterBuffer();
        buffer.offer(0xFFFF_FFFFL, 0xFFFF_FFF0L, frame(1), 1_000);
        buffer.offer(0, 0x0000_0004L, frame(2), 1_020);
        assertThat(buffer.poll()).isEqualTo(frame(1));
        assertThat(buffer.poll()).isEqualTo(frame(2));
        assertThat(buffer.jitterMillis()).isZero();
    }

    @Test
    void aJumpFarAheadRestartsFromTheNewFrames() {
        JitterBuffer buffer = new JitterBuffer();
        buffer.offer(1, 20, frame(1), 20);
        buffer.offer(2, 40, frame(2), 40);
        assertThat(buffer.poll()).isEqualTo(frame(1));
        buffer.offer(1_000, 20_000, frame(100), 20_000);
        buffer.offer(1_001, 20_020, frame(101), 20_020);
        assertThat(buffer.poll()).isEqualTo(frame(100));
        assertThat(buffer.poll()).isEqualTo(frame(101));
    }

    @Test
    void readsSequenceTimestampAndPayloadFromAnAudioDatagram() {
        JitterBuffer buffer = new JitterBuffer();
        for (int n = 0; n < 2; n++) {
            byte[] packet = new byte[MediaPacket.HEADER_LENGTH + 4];
            MediaPacket.writeHeader(packet, 0, PacketType.AUDIO, MediaKind.AUDIO, 0, 9, 0, 70 + n, n, 0, 1, 20 * n, 4);
            System.arraycopy(frame(n), 0, packet, MediaPacket.HEADER_LENGTH, 4);
            buffer.offer(packet, 0, 20 * n);
        }
        assertThat(buffer.poll()).isEqualTo(frame(0));
        assertThat(buffer.poll()).isEqualTo(frame(1));
    }

    @Test
    void receptionStatsCountLossAndReportTheFractionSinceTheLastReport() {
        ReceptionStats stats = new ReceptionStats();
        for (long seq = 0; seq < 10; seq++) {
            if (seq != 3 && seq != 7) {
                stats.onPacket(seq, seq * 20, seq * 20 + 5);
            }
        }
        assertThat(stats.received()).isEqualTo(8);
        assertThat(stats.lost()).isEqualTo(2);
        ReceiverReport report = stats.report(42);
        assertThat(report.reportedSession()).isEqualTo(42);
        assertThat(report.cumulativeLost()).isEqualTo(2);
        assertThat(report.fractionLost()).isEqualTo(2 * 256 / 10);
        assertThat(report.highestSequence()).isEqualTo(9);
        assertThat(report.jitterMicros()).as("constant transit time: no jitter").isZero();
        assertThat(stats.report(42).fractionLost()).as("nothing new since").isZero();
    }

    @Test
    void theJitterEstimateFollowsRfc3550() {
        InterarrivalJitter jitter = new InterarrivalJitter();
        jitter.onArrival(0, 100);
        jitter.onArrival(20, 136); // transit 100 then 116: D = 16, J = 16/16
        assertThat(jitter.millis()).isEqualTo(1.0);
        jitter.onArrival(40, 140); // transit 100: D = 16, J = 1 + (16 - 1)/16
        assertThat(jitter.millis()).isEqualTo(1 + 15.0 / 16);
    }

    // ------------------------------------------------------------------ the timeline

    /**
     * Frame n is sent at 20·n ms and arrives {@code delays[n]} ms later ({@code null}: never); a turn
     * every 20 ms from {@code firstTurn} (after that instant's arrivals).
     *
     * @return per turn, the frame number played or {@link #SILENCE}
     */
    private static List<Integer> play(JitterBuffer buffer, Integer[] delays, int firstSequence, int turns,
                                      int firstTurn) {
        record Arrival(int n, long at) {
        }
        List<Arrival> arrivals = new ArrayList<>();
        for (int n = 0; n < delays.length; n++) {
            if (delays[n] != null) {
                arrivals.add(new Arrival(n, 20L * n + delays[n]));
            }
        }
        arrivals.sort(Comparator.comparingLong(Arrival::at));
        List<Integer> result = new ArrayList<>();
        int a = 0;
        for (int t = 0; t < turns; t++) {
            long now = firstTurn + 20L * t;
            while (a < arrivals.size() && arrivals.get(a).at() <= now) {
                Arrival arrival = arrivals.get(a++);
                buffer.offer(firstSequence + arrival.n(), 20L * arrival.n(), frame(arrival.n()), arrival.at());
            }
            byte[] out = buffer.poll();
            result.add(out == null ? SILENCE : ByteBuffer.wrap(out).getInt());
        }
        return result;
    }

    private static Integer[] constant(int frames, int delay) {
        Integer[] delays = new Integer[frames];
        java.util.Arrays.fill(delays, delay);
        return delays;
    }

    /** The frames played, in order, silences and repeats left out. */
    private static List<Integer> played(List<Integer> turns) {
        List<Integer> played = new ArrayList<>();
        for (int n : turns) {
            if (n != SILENCE && (played.isEmpty() || played.getLast() != n)) {
                played.add(n);
            }
        }
        return played;
    }

    private static List<Integer> range(int from, int count) {
        return java.util.stream.IntStream.range(from, from + count).boxed().toList();
    }

    private static byte[] frame(int n) {
        return ByteBuffer.allocate(4).putInt(n).array();
    }
}
