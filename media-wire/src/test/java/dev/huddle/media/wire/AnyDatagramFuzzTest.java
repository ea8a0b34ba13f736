package dev.huddle.media.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Whatever arrives on a UDP port, reading it never throws: it is refused with a reason, or every
 * reader of its type stays in bounds.
 *
 * <p>{@link #anyDatagramIsRefusedOrReadNeverThrown} is a Jazzer fuzz test. A normal test run replays
 * the seed inputs under {@code src/test/resources/dev/huddle/media/wire/AnyDatagramFuzzTestInputs/};
 * fuzzing for real: {@code JAZZER_FUZZ=1 ./mvnw -pl media-wire test -Dtest=AnyDatagramFuzzTest}. The
 * seeded random runs below cover the same ground on every build.
 */
class AnyDatagramFuzzTest {

    private static final List<byte[]> VALID = List.of(
        new JoinRequest(7, new byte[] {1, 2, 3, 4}).toPacket(),
        new JoinAck(1_000, 10_000).toPacket(3),
        new JoinError(JoinError.Reason.EXPIRED).toPacket(),
        new StatePayload(true, false, true).toPacket(3),
        new ReceiverReport(1, 2, 3, 4, 5).toPacket(3),
        MediaPacket.control(PacketType.KEEPALIVE, 3, new byte[0]),
        new VideoPacketizer(3, 1, MediaKind.SCREEN).packetize(new byte[3_000], 5).get(2));

    @FuzzTest(maxDuration = "60s")
    void anyDatagramIsRefusedOrReadNeverThrown(byte[] datagram) {
        readEverything(datagram, datagram.length);
    }

    @Test
    void randomBytesAreRefusedOrReadNeverThrown() {
        SplittableRandom random = new SplittableRandom(20_241_030);
        for (int i = 0; i < 50_000; i++) {
            byte[] datagram = new byte[random.nextInt(1_400)];
            random.nextBytes(datagram);
            if (datagram.length > 3 && random.nextBoolean()) {
                // past the first three checks more often than pure chance would get
                datagram[0] = (byte) MediaPacket.MAGIC;
                datagram[1] = (byte) MediaPacket.VERSION;
                datagram[2] = (byte) random.nextInt(11);
            }
            readEverything(datagram, random.nextInt(datagram.length + 1));
        }
    }

    @Test
    void validPacketsWithRandomBytesWrittenOverThemNeverThrow() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) {
            byte[] packet = VALID.get(random.nextInt(VALID.size())).clone();
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                packet[random.nextInt(packet.length)] = (byte) random.nextInt(256);
            }
            readEverything(packet, packet.length);
        }
    }

    private static void readEverything(byte[] datagram, int length) {
        Malformation malformation = MediaPacket.check(datagram, 0, length);
        if (malformation != null) {
            assertThat(malformation.reason()).isNotBlank();
            return;
        }
        assertThat(MediaPacket.HEADER_LENGTH + MediaPacket.payloadLength(datagram, 0)).isEqualTo(length);
        switch (MediaPacket.type(datagram, 0)) {
            case JOIN -> JoinRequest.read(datagram, 0);
            case JOIN_ACK -> JoinAck.read(datagram, 0);
            case JOIN_ERR -> JoinError.read(datagram, 0);
            case STATE -> StatePayload.read(datagram, 0);
            case REPORT -> ReceiverReport.read(datagram, 0);
            case VIDEO -> new FrameReassembler(100, 4).offer(datagram, 0, 0);
            case AUDIO -> new JitterBuffer().offer(datagram, 0, 0);
            case LEAVE, KEEPALIVE -> assertThat(MediaPacket.payloadLength(datagram, 0)).isZero();
        }
    }
}
