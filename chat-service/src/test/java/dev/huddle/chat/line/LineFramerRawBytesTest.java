package dev.huddle.chat.line;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.chat.line.LineFramer.Frame;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The framer handing a connection over to raw bytes (a file after {@code upload}) and back to lines. */
class LineFramerRawBytesTest {

    final List<Frame> frames = new ArrayList<>();
    final List<LineFramer.Hold> holds = new ArrayList<>();
    final LineFramer framer = new LineFramer(64, frame -> {
        frames.add(frame);
        if (frame instanceof Frame.Line line && line.text().startsWith("upload")) {
            holds.add(holdOf());
        }
    });

    private LineFramer.Hold holdOf() {
        return framer.hold();
    }

    /** Collects raw bytes and whether they ended. */
    static final class Sink implements LineFramer.RawSink {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int chunks;
        boolean ended;

        @Override
        public void bytes(Buffer data) {
            bytes.writeBytes(data.getBytes());
            chunks++;
        }

        @Override
        public void end() {
            ended = true;
        }
    }

    @Test
    void bytesAfterAnUploadLineAreKeptUntilRawAndLinesResumeRightAfterThem() {
        framer.feed(Buffer.buffer("help\nupload 5\nAB\nCDnext\nquit"));
        assertThat(frames).containsExactly(new Frame.Line("help"), new Frame.Line("upload 5"));
        assertThat(framer.holding()).isTrue();

        Sink sink = new Sink();
        framer.raw(5, sink);
        assertThat(sink.bytes.toString(StandardCharsets.UTF_8)).isEqualTo("AB\nCD");
        assertThat(sink.ended).isTrue();
        assertThat(frames).last().isEqualTo(new Frame.Line("next"));
        framer.feed(Buffer.buffer("\n"));
        assertThat(frames).last().isEqualTo(new Frame.Line("quit"));
    }

    @Test
    void rawBytesSpanReadsAndWholeReadsPassWithoutCopying() {
        framer.feed(Buffer.buffer("upload\n"));
        Sink sink = new Sink();
        framer.raw(10, sink);
        framer.feed(Buffer.buffer("0123"));
        framer.feed(Buffer.buffer("4567"));
        assertThat(sink.ended).isFalse();
        framer.feed(Buffer.buffer("89whoami\n"));
        assertThat(sink.bytes.toString(StandardCharsets.UTF_8)).isEqualTo("0123456789");
        assertThat(sink.chunks).isEqualTo(3);
        assertThat(sink.ended).isTrue();
        assertThat(frames).last().isEqualTo(new Frame.Line("whoami"));
    }

    @Test
    void aRefusedUploadReleasesItsHoldAndTheKeptBytesAreReadAsLines() {
        framer.feed(Buffer.buffer("upload too big\nwhoami\n"));
        framer.release(holds.getFirst());
        assertThat(frames).containsExactly(new Frame.Line("upload too big"), new Frame.Line("whoami"));
        assertThat(framer.holding()).isFalse();
        assertThat(framer.retainedBytes()).isZero();
    }

    @Test
    void releasingAnOlderHoldNeverLetsGoOfANewerOne() {
        framer.feed(Buffer.buffer("upload a\n"));
        LineFramer.Hold first = holds.getFirst();
        framer.raw(3, new Sink());
        framer.feed(Buffer.buffer("xyzupload b\nrest"));
        assertThat(holds).hasSize(2);
        framer.release(first);
        assertThat(framer.holding()).isTrue();
        assertThat(frames).last().isEqualTo(new Frame.Line("upload b"));
    }

    @Test
    void anEmptyFileEndsAtOnce() {
        framer.feed(Buffer.buffer("upload 0\nhelp\n"));
        Sink sink = new Sink();
        framer.raw(0, sink);
        assertThat(sink.ended).isTrue();
        assertThat(sink.chunks).isZero();
        assertThat(frames).last().isEqualTo(new Frame.Line("help"));
    }

    @Test
    void anAbandonedTransferTurnsWhatFollowsBackIntoLines() {
        framer.feed(Buffer.buffer("upload\n"));
        Sink sink = new Sink();
        framer.raw(100, sink);
        framer.feed(Buffer.buffer("half"));
        framer.abandonRaw(sink);
        framer.feed(Buffer.buffer("\nwhoami\n"));
        assertThat(sink.bytes.toString(StandardCharsets.UTF_8)).isEqualTo("half");
        assertThat(sink.ended).isFalse();
        assertThat(frames).last().isEqualTo(new Frame.Line("whoami"));
    }
}
