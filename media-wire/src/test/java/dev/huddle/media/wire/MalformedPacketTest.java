package dev.huddle.media.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each broken datagram is refused with its own reason, starting from a valid audio packet. */
class MalformedPacketTest {

    private static byte[] audio(int payload) {
        byte[] packet = new byte[MediaPacket.HEADER_LENGTH + payload];
        MediaPacket.writeHeader(packet, 0, PacketType.AUDIO, MediaKind.AUDIO, 0, 1, 0, 1, 1, 0, 1, 0, payload);
        return packet;
    }

    private static byte[] video(int index, int count) {
        byte[] packet = new byte[MediaPacket.HEADER_LENGTH + 10];
        MediaPacket.writeHeader(packet, 0, PacketType.VIDEO, MediaKind.VIDEO, 0, 1, 0, 1, 1, index, count, 0, 10);
        return packet;
    }

    private static Arguments broken(String what, byte[] packet, int length, Malformation expected) {
        return Arguments.of(what, packet, length, expected);
    }

    private static Arguments edited(String what, byte[] packet, Consumer<byte[]> edit, Malformation expected) {
        edit.accept(packet);
        return Arguments.of(what, packet, packet.length, expected);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
            broken("empty", new byte[0], 0, Malformation.TRUNCATED),
            broken("one byte short of a header", audio(0), MediaPacket.HEADER_LENGTH - 1, Malformation.TRUNCATED),
            broken("length claims more than the array holds", new byte[10], 40, Malformation.TRUNCATED),
            broken("over 1,200 bytes", new byte[MediaPacket.MAX_DATAGRAM + 1], MediaPacket.MAX_DATAGRAM + 1,
                Malformation.OVERSIZED),
            edited("bad magic", audio(10), p -> p[0] = 'X', Malformation.BAD_MAGIC),
            edited("version 2", audio(10), p -> p[1] = 2, Malformation.BAD_VERSION),
            edited("version 0", audio(10), p -> p[1] = 0, Malformation.BAD_VERSION),
            edited("type 0", audio(10), p -> p[2] = 0, Malformation.BAD_TYPE),
            edited("type 200", audio(10), p -> p[2] = (byte) 200, Malformation.BAD_TYPE),
            edited("kind nibble 9", audio(10), p -> p[3] = (byte) 0x90, Malformation.BAD_KIND),
            edited("audio marked as video", audio(10), p -> p[3] = 0x20, Malformation.BAD_KIND),
            edited("keepalive carrying a media kind", MediaPacket.control(PacketType.KEEPALIVE, 1, new byte[0]),
                p -> p[3] = 0x10, Malformation.BAD_KIND),
            edited("payload length past the end", audio(10), p -> p[11] = 11, Malformation.BAD_LENGTH),
            edited("payload length short of the end", audio(10), p -> p[11] = 9, Malformation.BAD_LENGTH),
            edited("payload length 65535", audio(10), p -> {
                p[10] = (byte) 0xFF;
                p[11] = (byte) 0xFF;
            }, Malformation.BAD_LENGTH),
            broken("chunk index equal to count", video(5, 5), MediaPacket.HEADER_LENGTH + 10, Malformation.BAD_CHUNK),
            broken("chunk index above count", video(9, 5), MediaPacket.HEADER_LENGTH + 10, Malformation.BAD_CHUNK),
            broken("video chunk count 0", video(0, 0), MediaPacket.HEADER_LENGTH + 10, Malformation.BAD_CHUNK),
            broken("audio without payload", audio(0), MediaPacket.HEADER_LENGTH, Malformation.BAD_PAYLOAD),
            broken("audio with a codec byte and no frame", audio(1), MediaPacket.HEADER_LENGTH + 1,
                Malformation.BAD_PAYLOAD),
            broken("keepalive with a payload", MediaPacket.control(PacketType.KEEPALIVE, 1, new byte[4]),
                MediaPacket.HEADER_LENGTH + 4, Malformation.BAD_PAYLOAD),
            broken("join without a ticket", MediaPacket.control(PacketType.JOIN, 0, new byte[10]),
                MediaPacket.HEADER_LENGTH + 10, Malformation.BAD_PAYLOAD),
            broken("state of the wrong size", MediaPacket.control(PacketType.STATE, 1, new byte[3]),
                MediaPacket.HEADER_LENGTH + 3, Malformation.BAD_PAYLOAD),
            broken("report of the wrong size", MediaPacket.control(PacketType.REPORT, 1, new byte[15]),
                MediaPacket.HEADER_LENGTH + 15, Malformation.BAD_PAYLOAD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsReason(String what, byte[] packet, int length, Malformation expected) {
        assertThat(MediaPacket.check(packet, 0, length)).isEqualTo(expected);
    }
}
