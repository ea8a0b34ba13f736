package dev.huddle.chat.line;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits a TCP byte stream into lines ({@code \n}, an optional {@code \r} before it dropped) and
 * decodes each as strict UTF-8. A line longer than the limit is reported once and skipped up to its
 * end, so one oversized line neither grows memory nor kills the connection.
 */
public final class LineFramer {

    /** What the framer hands on: a line, or why there is none. */
    public sealed interface Frame {
        record Line(String text) implements Frame {
        }

        record TooLong() implements Frame {
        }

        record BadEncoding() implements Frame {
        }
    }

    private final int maxLineBytes;
    private final Consumer<Frame> sink;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean skipping;

    public LineFramer(int maxLineBytes, Consumer<Frame> sink) {
        this.maxLineBytes = maxLineBytes;
        this.sink = sink;
    }

    public void feed(Buffer chunk) {
        byte[] bytes = chunk.getBytes();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                append(bytes, start, i - start);
                endOfLine();
                start = i + 1;
            }
        }
        append(bytes, start, bytes.length - start);
    }

    private void append(byte[] bytes, int offset, int length) {
        if (skipping || length == 0) {
            return;
        }
        if (pending.size() + length > maxLineBytes) {
            pending.reset();
            skipping = true;
            sink.accept(new Frame.TooLong());
            return;
        }
        pending.write(bytes, offset, length);
    }

    private void endOfLine() {
        if (skipping) {
            skipping = false;
            return;
        }
        byte[] line = pending.toByteArray();
        pending.reset();
        int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(line, 0, length))
                .toString();
            sink.accept(new Frame.Line(text));
        } catch (CharacterCodingException e) {
            sink.accept(new Frame.BadEncoding());
        }
    }
}
