package dev.huddle.media.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JitterBufferTest {

    private static byte[] frame(int n) {
        return new byte[] {(byte) n};
    }

    @Test
    void waitsUntilItHoldsItsDepthThenPlaysInOrder() {
        JitterBuffer buffer = new JitterBuffer(3, 16);
        buffer.offer(11, frame(11));
        buffer.offer(10, frame(10));
        assertThat(buffer.poll()).isNull();
        assertThat(buffer.isPlaying()).isFalse();
        buffer.offer(12, frame(12));
        assertThat(buffer.poll()).isEqualTo(frame(10));
        assertThat(buffer.isPlaying()).isTrue();
        assertThat(buffer.poll()).isEqualTo(frame(11));
        assertThat(buffer.poll()).isEqualTo(frame(12));
    }

    @Test
    void aMissingFrameIsAGapAndItsLateArrivalIsDropped() {
        JitterBuffer buffer = new JitterBuffer(2, 16);
        buffer.offer(1, frame(1));
        buffer.offer(3, frame(3));
        assertThat(buffer.poll()).isEqualTo(frame(1));
        assertThat(buffer.poll()).as("frame 2 never came").isNull();
        assertThat(buffer.isPlaying()).isTrue();
        buffer.offer(2, frame(2));
        assertThat(buffer.poll()).isEqualTo(frame(3));
        assertThat(buffer.concealed()).isEqualTo(1);
        assertThat(buffer.late()).isEqualTo(1);
    }

    @Test
    void duplicatesAreIgnored() {
        JitterBuffer buffer = new JitterBuffer(1, 8);
        buffer.offer(5, frame(5));
        buffer.offer(5, frame(99));
        assertThat(buffer.poll()).isEqualTo(frame(5));
        assertThat(buffer.duplicates()).isEqualTo(1);
    }

    @Test
    void anUnderrunRefillsBeforePlayingAgain() {
        JitterBuffer buffer = new JitterBuffer(2, 8);
        buffer.offer(1, frame(1));
        buffer.offer(2, frame(2));
        assertThat(buffer.poll()).isEqualTo(frame(1));
        assertThat(buffer.poll()).isEqualTo(frame(2));
        assertThat(buffer.poll()).isNull();
        assertThat(buffer.isPlaying()).isFalse();
        buffer.offer(3, frame(3));
        assertThat(buffer.poll()).as("one frame is below the depth of 2").isNull();
        buffer.offer(4, frame(4));
        assertThat(buffer.poll()).isEqualTo(frame(3));
    }

    @Test
    void keepsOrderAcrossTheSequenceWrap() {
        JitterBuffer buffer = new JitterBuffer(2, 8);
        buffer.offer(0xFFFF_FFFFL, frame(1));
        buffer.offer(0, frame(2));
        assertThat(buffer.poll()).isEqualTo(frame(1));
        assertThat(buffer.poll()).isEqualTo(frame(2));
    }

    @Test
    void aJumpFarAheadRestartsFromTheNewFrames() {
        JitterBuffer buffer = new JitterBuffer(1, 4);
        buffer.offer(1, frame(1));
        assertThat(buffer.poll()).isEqualTo(frame(1));
        buffer.offer(100, frame(100));
        assertThat(buffer.poll()).isEqualTo(frame(100));
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
}
