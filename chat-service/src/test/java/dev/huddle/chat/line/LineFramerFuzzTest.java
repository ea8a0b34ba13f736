package dev.huddle.chat.line;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.huddle.chat.line.LineFramer.Frame;
import dev.huddle.contracts.fuzz.FuzzInput;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Any bytes, cut into reads anywhere, come out of the {@link LineFramer} as the same frames a plain
 * reading of the whole stream gives (split at {@code \n}, one {@code \r} before it dropped, too-long
 * lines reported once, strict UTF-8), and the framer never holds more than one line's worth.
 *
 * <p>The {@code @FuzzTest} is a Jazzer fuzz test. A normal test run ({@code ./huddle test}) replays
 * the seed inputs in {@code src/test/resources/dev/huddle/chat/line/LineFramerFuzzTestInputs/}; to fuzz
 * for real: {@code JAZZER_FUZZ=1 ./mvnw -pl chat-service -am test
 * -Dtest='LineFramerFuzzTest#anyStreamCutAnywhereGivesTheFramesOfAPlainReading' -Dsurefire.failIfNoSpecifiedTests=false}
 * (docs/ARCHITECTURE.md, "Fuzzing").
 */
class LineFramerFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void anyStreamCutAnywhereGivesTheFramesOfAPlainReading(byte[] data) {
        check(new FuzzInput(data));
    }

    @Test
    void randomStreamsCutAtRandomGiveTheFramesOfAPlainReading() {
        SplittableRandom random = new SplittableRandom(20_241_030);
        for (int i = 0; i < 20_000; i++) {
            check(FuzzInput.random(random, 300));
        }
    }

    private static void check(FuzzInput in) {
        int maxLineBytes = 1 + in.pick(40);
        int[] cuts = new int[in.pick(8)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = in.pick(200);
        }
        byte[] stream = in.restAsBytes();
        for (int i = 0; i < stream.length; i++) {
            // newlines and carriage returns far more often than one byte in 256
            if ((stream[i] & 0x0f) == 0x0a) {
                stream[i] = (stream[i] & 0x10) == 0 ? (byte) '\n' : (byte) '\r';
            }
        }

        List<Frame> frames = new ArrayList<>();
        LineFramer framer = new LineFramer(maxLineBytes, frames::add);
        Arrays.sort(cuts);
        int from = 0;
        for (int cut : cuts) {
            int to = Math.min(Math.max(cut, from), stream.length);
            framer.feed(Buffer.buffer(Arrays.copyOfRange(stream, from, to)));
            from = to;
            assertThat(framer.retainedBytes()).isLessThanOrEqualTo(maxLineBytes);
        }
        framer.feed(Buffer.buffer(Arrays.copyOfRange(stream, from, stream.length)));

        assertThat(frames).isEqualTo(plainReading(stream, maxLineBytes));
        assertThat(framer.retainedBytes()).isLessThanOrEqualTo(maxLineBytes);
    }

    /** What the framer must hand on, read off the whole stream at once. */
    private static List<Frame> plainReading(byte[] stream, int maxLineBytes) {
        List<Frame> frames = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= stream.length; i++) {
            boolean end = i < stream.length && stream[i] == '\n';
            if (!end && i < stream.length) {
                continue;
            }
            int length = i - start;
            if (length > maxLineBytes) {
                frames.add(new Frame.TooLong()); // also a last line that never ended: reported as it grew
            } else if (end) {
                frames.add(decoded(Arrays.copyOfRange(stream, start, length > 0 && stream[i - 1] == '\r' ? i - 1 : i)));
            }
            start = i + 1;
        }
        return frames;
    }

    private static Frame decoded(byte[] line) {
        try {
            return new Frame.Line(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line)).toString());
        } catch (CharacterCodingException e) {
            return new Frame.BadEncoding();
        }
    }
}
