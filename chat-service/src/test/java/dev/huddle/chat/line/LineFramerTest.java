package dev.huddle.chat.line;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.chat.line.LineFramer.Frame;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineFramerTest {

    final List<Frame> frames = new ArrayList<>();
    final LineFramer framer = new LineFramer(16, frames::add);

    @Test
    void linesSplitAcrossChunksAreJoinedAndCrlfIsAccepted() {
        framer.feed(Buffer.buffer("hel"));
        framer.feed(Buffer.buffer("lo\r\nwor"));
        framer.feed(Buffer.buffer("ld\n\n"));
        assertThat(frames).containsExactly(new Frame.Line("hello"), new Frame.Line("world"), new Frame.Line(""));
    }

    @Test
    void multiByteCharactersSplitAcrossChunksDecode() {
        byte[] bytes = "chào 👋\n".getBytes(StandardCharsets.UTF_8);
        framer.feed(Buffer.buffer().appendBytes(bytes, 0, 3));
        framer.feed(Buffer.buffer().appendBytes(bytes, 3, bytes.length - 3));
        assertThat(frames).containsExactly(new Frame.Line("chào 👋"));
    }

    @Test
    void anOversizedLineIsReportedOnceSkippedAndTheNextLineStillWorks() {
        framer.feed(Buffer.buffer("x".repeat(10)));
        framer.feed(Buffer.buffer("y".repeat(10)));
        framer.feed(Buffer.buffer("z".repeat(100) + "\nhelp\n"));
        assertThat(frames).containsExactly(new Frame.TooLong(), new Frame.Line("help"));
    }

    @Test
    void invalidUtf8IsReportedAndTheConnectionCarriesOn() {
        framer.feed(Buffer.buffer().appendBytes(new byte[] {'a', (byte) 0xC3, (byte) 0x28, '\n'}));
        framer.feed(Buffer.buffer("ok\n"));
        assertThat(frames).containsExactly(new Frame.BadEncoding(), new Frame.Line("ok"));
    }

    @Test
    void aLineOfExactlyTheLimitIsAccepted() {
        framer.feed(Buffer.buffer("a".repeat(16) + "\n"));
        assertThat(frames).containsExactly(new Frame.Line("a".repeat(16)));
    }

    @Test
    void aCrlfSplitAcrossChunksIsStillOneLineEnding() {
        framer.feed(Buffer.buffer("he"));
        framer.feed(Buffer.buffer("llo\r"));
        framer.feed(Buffer.buffer("\nnext\n"));
        assertThat(frames).containsExactly(new Frame.Line("hello"), new Frame.Line("next"));
    }

    @Test
    void noLineBufferIsKeptOnceALineIsComplete() {
        framer.feed(Buffer.buffer("whole line\n"));
        assertThat(framer.retainedBytes()).isZero();

        framer.feed(Buffer.buffer("a split "));
        assertThat(framer.retainedBytes()).isPositive();
        framer.feed(Buffer.buffer("line\n"));
        assertThat(frames).containsExactly(new Frame.Line("whole line"), new Frame.Line("a split line"));
        assertThat(framer.retainedBytes()).isZero();

        framer.feed(Buffer.buffer("x".repeat(12)));
        framer.feed(Buffer.buffer("x".repeat(12)));
        assertThat(framer.retainedBytes()).as("an oversized line is not buffered").isZero();
    }
}
