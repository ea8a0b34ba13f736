package dev.huddle.media.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameReassemblerTest {

    private static final long DEADLINE = 200;

    private final VideoPacketizer packetizer = new VideoPacketizer(9, 1, MediaKind.VIDEO, 100);
    private final FrameReassembler reassembler = new FrameReassembler(DEADLINE, 8);

    private static byte[] frame(int size, int seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private FrameReassembler.Frame feed(List<byte[]> packets, long now) {
        FrameReassembler.Frame done = null;
        for (byte[] packet : packets) {
            assertThat(MediaPacket.check(packet, 0, packet.length)).isNull();
            FrameReassembler.Frame frame = reassembler.offer(packet, 0, now);
            if (frame != null) {
                assertThat(done).as("one frame per set of chunks").isNull();
                done = frame;
            }
        }
        return done;
    }

    @Test
    void chunksInOrderRebuildTheFrame() {
        byte[] data = frame(950, 1);
        List<byte[]> packets = packetizer.packetize(data, 1_000);
        assertThat(packets).hasSize(10);
        assertThat(packets).allSatisfy(p -> assertThat(p.length).isLessThanOrEqualTo(MediaPacket.MAX_DATAGRAM));
        FrameReassembler.Frame frame = feed(packets, 0);
        assertThat(frame.data()).isEqualTo(data);
        assertThat(frame.frameNumber()).isZero();
        assertThat(frame.timestamp()).isEqualTo(1_000);
        assertThat(frame.kind()).isEqualTo(MediaKind.VIDEO);
    }

    @Test
    void chunksOutOfOrderRebuildTheFrame() {
        byte[] data = frame(1_234, 2);
        List<byte[]> packets = new ArrayList<>(packetizer.packetize(data, 0));
        Collections.shuffle(packets, new Random(3));
        assertThat(feed(packets, 0).data()).isEqualTo(data);
    }

    @Test
    void duplicateChunksAreIgnored() {
        byte[] data = frame(300, 4);
        List<byte[]> packets = packetizer.packetize(data, 0);
        assertThat(reassembler.offer(packets.get(0), 0, 0)).isNull();
        assertThat(reassembler.offer(packets.get(0), 0, 0)).isNull();
        assertThat(reassembler.offer(packets.get(1), 0, 0)).isNull();
        assertThat(reassembler.offer(packets.get(2), 0, 0).data()).isEqualTo(data);
        assertThat(reassembler.offer(packets.get(2), 0, 0)).as("a chunk of the delivered frame again").isNull();
        assertThat(reassembler.duplicates()).isEqualTo(1);
        assertThat(reassembler.delivered()).isEqualTo(1);
    }

    @Test
    void aFrameWithAMissingChunkIsDroppedAtItsDeadlineNeverDeliveredHalfBuilt() {
        List<byte[]> packets = new ArrayList<>(packetizer.packetize(frame(500, 5), 0));
        packets.remove(2);
        assertThat(feed(packets, 0)).isNull();
        assertThat(reassembler.pendingFrames()).isEqualTo(1);
        reassembler.expire(DEADLINE);
        assertThat(reassembler.pendingFrames()).isZero();
        assertThat(reassembler.droppedIncomplete()).isEqualTo(1);
        assertThat(reassembler.delivered()).isZero();
    }

    @Test
    void anIncompleteFrameIsDroppedWhenANewerOneCompletes() {
        List<byte[]> first = new ArrayList<>(packetizer.packetize(frame(500, 6), 0));
        byte[] missing = first.remove(4);
        byte[] secondData = frame(200, 7);
        assertThat(feed(first, 0)).isNull();
        assertThat(feed(packetizer.packetize(secondData, 33), 10).data()).isEqualTo(secondData);
        assertThat(reassembler.droppedIncomplete()).isEqualTo(1);
        assertThat(reassembler.offer(missing, 0, 20)).as("the missing chunk arriving after all").isNull();
        assertThat(reassembler.droppedLate()).isEqualTo(1);
    }

    @Test
    void aLateFrameNeverReplacesANewerOne() {
        List<byte[]> older = packetizer.packetize(frame(300, 8), 0);
        byte[] newerData = frame(300, 9);
        List<byte[]> newer = packetizer.packetize(newerData, 33);
        assertThat(feed(newer, 0).data()).isEqualTo(newerData);
        assertThat(feed(older, 1)).as("frame 0 after frame 1 was shown").isNull();
        assertThat(reassembler.droppedLate()).isEqualTo(older.size());
        assertThat(reassembler.delivered()).isEqualTo(1);
    }

    @Test
    void framesAcrossTheFrameNumberWrapKeepTheirOrder() {
        assertThat(FrameReassembler.isNewer(0, 0xFFFF_FFFFL)).isTrue();
        assertThat(FrameReassembler.isNewer(0xFFFF_FFFFL, 0)).isFalse();
        assertThat(FrameReassembler.isNewer(5, 5)).isFalse();
    }

    @Test
    void tooManyPendingFramesDropTheOldest() {
        FrameReassembler small = new FrameReassembler(DEADLINE, 2);
        for (int i = 0; i < 3; i++) {
            List<byte[]> packets = packetizer.packetize(frame(300, i), i);
            assertThat(small.offer(packets.get(0), 0, 0)).isNull();
        }
        assertThat(small.pendingFrames()).isEqualTo(2);
        assertThat(small.droppedIncomplete()).isEqualTo(1);
    }
}
