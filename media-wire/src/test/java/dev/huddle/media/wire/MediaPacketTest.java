package dev.huddle.media.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MediaPacketTest {

    /** A VIDEO chunk written by hand, row by row as the diagram in MediaPacket draws it. */
    private static final byte[] VIDEO_CHUNK = {
        0x48, 0x01, 0x07, 0x22,                          // 'H', version 1, type 7 VIDEO, kind 2 VIDEO | flags MARKER
        0x12, 0x34, 0x56, 0x78,                          // session id 0x12345678
        0x00, 0x02, 0x00, 0x03,                          // stream id 2, payload length 3
        (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE, // sequence 4294967294
        0x00, 0x00, 0x01, 0x00,                          // frame number 256
        0x00, 0x04, 0x00, 0x05,                          // chunk index 4 of count 5
        0x00, 0x01, (byte) 0x86, (byte) 0xA0,            // media timestamp 100000 ms
        0x0A, 0x0B, 0x0C,                                // payload
    };

    @Test
    void readsEveryFieldOfAHandWrittenVideoChunk() {
        assertThat(MediaPacket.check(VIDEO_CHUNK, 0, VIDEO_CHUNK.length)).isNull();
        assertThat(MediaPacket.type(VIDEO_CHUNK, 0)).isEqualTo(PacketType.VIDEO);
        assertThat(MediaPacket.kind(VIDEO_CHUNK, 0)).isEqualTo(MediaKind.VIDEO);
        assertThat(MediaPacket.flags(VIDEO_CHUNK, 0)).isEqualTo(MediaPacket.FLAG_MARKER);
        assertThat(MediaPacket.sessionId(VIDEO_CHUNK, 0)).isEqualTo(0x12345678);
        assertThat(MediaPacket.streamId(VIDEO_CHUNK, 0)).isEqualTo(2);
        assertThat(MediaPacket.payloadLength(VIDEO_CHUNK, 0)).isEqualTo(3);
        assertThat(MediaPacket.sequence(VIDEO_CHUNK, 0)).isEqualTo(4_294_967_294L);
        assertThat(MediaPacket.frameNumber(VIDEO_CHUNK, 0)).isEqualTo(256);
        assertThat(MediaPacket.chunkIndex(VIDEO_CHUNK, 0)).isEqualTo(4);
        assertThat(MediaPacket.chunkCount(VIDEO_CHUNK, 0)).isEqualTo(5);
        assertThat(MediaPacket.timestamp(VIDEO_CHUNK, 0)).isEqualTo(100_000);
        assertThat(VIDEO_CHUNK[MediaPacket.payloadOffset(0)]).isEqualTo((byte) 0x0A);
    }

    @Test
    void writesTheSameBytesAsTheHandWrittenChunk() {
        byte[] written = new byte[VIDEO_CHUNK.length];
        MediaPacket.writeHeader(written, 0, PacketType.VIDEO, MediaKind.VIDEO, MediaPacket.FLAG_MARKER, 0x12345678,
            2, 4_294_967_294L, 256, 4, 5, 100_000, 3);
        written[28] = 0x0A;
        written[29] = 0x0B;
        written[30] = 0x0C;
        assertThat(written).isEqualTo(VIDEO_CHUNK);
    }

    @Test
    void readsAPacketAtAnOffsetInsideALargerBuffer() {
        byte[] buffer = new byte[VIDEO_CHUNK.length + 10];
        System.arraycopy(VIDEO_CHUNK, 0, buffer, 7, VIDEO_CHUNK.length);
        assertThat(MediaPacket.check(buffer, 7, VIDEO_CHUNK.length)).isNull();
        assertThat(MediaPacket.sessionId(buffer, 7)).isEqualTo(0x12345678);
        assertThat(MediaPacket.timestamp(buffer, 7)).isEqualTo(100_000);
    }

    /** An Opus AUDIO datagram written by hand: the header, then the codec byte and the Opus packet. */
    private static final byte[] OPUS_AUDIO = {
        0x48, 0x01, 0x06, 0x12,                          // 'H', version 1, type 6 AUDIO, kind 1 AUDIO | flags MARKER
        0x00, 0x00, 0x00, 0x07,                          // session id 7
        0x00, 0x00, 0x00, 0x04,                          // stream id 0, payload length 4
        0x00, 0x00, 0x00, 0x2A,                          // sequence 42
        0x00, 0x00, 0x00, 0x2A,                          // frame number 42
        0x00, 0x00, 0x00, 0x01,                          // chunk index 0 of count 1 (a whole frame)
        0x00, 0x00, 0x03, (byte) 0xE8,                   // media timestamp 1000 ms
        0x01,                                            // codec 1 OPUS
        0x78, 0x01, 0x02,                                // the Opus packet (TOC byte 0x78: SILK wideband 20 ms)
    };

    @Test
    void anAudioPayloadIsItsCodecByteThenTheFrame() {
        assertThat(MediaPacket.check(OPUS_AUDIO, 0, OPUS_AUDIO.length)).isNull();
        byte[] written = AudioPayload.packet(7, 0, 42, 42, MediaPacket.FLAG_MARKER, 1_000, AudioCodec.OPUS,
            new byte[] {0x78, 0x01, 0x02});
        assertThat(written).isEqualTo(OPUS_AUDIO);
        byte[] payload = java.util.Arrays.copyOfRange(OPUS_AUDIO, MediaPacket.HEADER_LENGTH, OPUS_AUDIO.length);
        assertThat(AudioPayload.codec(payload)).isEqualTo(AudioCodec.OPUS);
        assertThat(AudioPayload.frame(payload)).containsExactly(0x78, 0x01, 0x02);
        assertThat(AudioPayload.codec(new byte[] {0, 1})).isEqualTo(AudioCodec.PCM16);
        assertThat(AudioPayload.codec(new byte[] {9, 1})).as("unknown codec").isNull();
        assertThat(AudioPayload.codec(new byte[] {1})).as("no frame").isNull();
    }

    @Test
    void sequenceFrameAndTimestampWrapAt32Bits() {
        byte[] packet = new byte[MediaPacket.HEADER_LENGTH + 1];
        MediaPacket.writeHeader(packet, 0, PacketType.AUDIO, MediaKind.AUDIO, 0, -1, 0xFFFF, (1L << 32) + 5,
            (1L << 32) + 6, 0, 1, (1L << 32) + 7, 1);
        assertThat(MediaPacket.sequence(packet, 0)).isEqualTo(5);
        assertThat(MediaPacket.frameNumber(packet, 0)).isEqualTo(6);
        assertThat(MediaPacket.timestamp(packet, 0)).isEqualTo(7);
        assertThat(MediaPacket.sessionId(packet, 0)).isEqualTo(-1);
        assertThat(MediaPacket.streamId(packet, 0)).isEqualTo(0xFFFF);
    }

    @Test
    void refusesToWriteAPayloadOverTheLimitOrFlagsOverANibble() {
        byte[] packet = new byte[MediaPacket.MAX_DATAGRAM + 1];
        assertThatThrownBy(() -> MediaPacket.writeHeader(packet, 0, PacketType.AUDIO, MediaKind.AUDIO, 0, 1, 0, 0, 0,
            0, 1, 0, MediaPacket.MAX_PAYLOAD + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MediaPacket.writeHeader(packet, 0, PacketType.AUDIO, MediaKind.AUDIO, 0x10, 1, 0, 0,
            0, 0, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void joinRoundTripsAndItsRefusalIsSmallerThanAnyJoin() {
        JoinRequest join = new JoinRequest(42, new byte[] {1, 2, 3});
        byte[] packet = join.toPacket();
        assertThat(MediaPacket.check(packet, 0, packet.length)).isNull();
        assertThat(MediaPacket.type(packet, 0)).isEqualTo(PacketType.JOIN);
        assertThat(JoinRequest.read(packet, 0)).isEqualTo(join);

        byte[] refusal = new JoinError(JoinError.Reason.REPLAYED).toPacket();
        assertThat(MediaPacket.check(refusal, 0, refusal.length)).isNull();
        assertThat(JoinError.read(refusal, 0).reason()).isEqualTo(JoinError.Reason.REPLAYED);
        assertThat(refusal.length).isLessThan(MediaPacket.HEADER_LENGTH + JoinRequest.MIN_LENGTH);
    }

    @Test
    void joinWhoseTicketLengthDisagreesWithThePayloadIsNotRead() {
        byte[] packet = new JoinRequest(42, new byte[] {1, 2, 3}).toPacket();
        packet[MediaPacket.HEADER_LENGTH + 9] = 4; // ticket length 4, only 3 bytes follow
        assertThat(MediaPacket.check(packet, 0, packet.length)).isNull();
        assertThat(JoinRequest.read(packet, 0)).isNull();
    }

    @Test
    void ackStateAndReportRoundTrip() {
        byte[] ack = new JoinAck(2_000, 10_000).toPacket(77);
        assertThat(MediaPacket.check(ack, 0, ack.length)).isNull();
        assertThat(MediaPacket.sessionId(ack, 0)).isEqualTo(77);
        assertThat(JoinAck.read(ack, 0)).isEqualTo(new JoinAck(2_000, 10_000));

        StatePayload state = new StatePayload(false, true, true);
        byte[] statePacket = state.toPacket(77);
        assertThat(MediaPacket.check(statePacket, 0, statePacket.length)).isNull();
        assertThat(StatePayload.read(statePacket, 0)).isEqualTo(state);

        ReceiverReport report = new ReceiverReport(99, 25, 1_000, 4_000_000_000L, 12_345);
        byte[] reportPacket = report.toPacket(77);
        assertThat(MediaPacket.check(reportPacket, 0, reportPacket.length)).isNull();
        assertThat(ReceiverReport.read(reportPacket, 0)).isEqualTo(report);
        assertThat(ReceiverReport.reportedSession(reportPacket, 0)).isEqualTo(99);
    }

    @Test
    void controlPacketsWithoutPayloadAreJustAHeader() {
        for (PacketType type : new PacketType[] {PacketType.LEAVE, PacketType.KEEPALIVE}) {
            byte[] packet = MediaPacket.control(type, 5, new byte[0]);
            assertThat(packet).hasSize(MediaPacket.HEADER_LENGTH);
            assertThat(MediaPacket.check(packet, 0, packet.length)).isNull();
        }
    }
}
