package dev.huddle.chat.line;

import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits a TCP byte stream into lines ({@code \n}, an optional {@code \r} before it dropped) and
 * decodes each as strict UTF-8. A line longer than the limit is reported once and skipped up to its
 * end, so one oversized line neither grows memory nor kills the connection.
 *
 * <p>Memory: a line that arrives whole within one read is decoded where it lies. Only a line split
 * across reads is gathered in a buffer, and that buffer is let go as soon as the line is complete, so
 * an idle connection holds no line buffer — not even one as long as the longest line it ever sent
 * (with 10,000 idle connections that sent a 16 KiB line once, keeping it would cost 160 MB).
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

    private static final byte[] NONE = new byte[0];
    private static final int FIRST_CAPACITY = 256;

    private final int maxLineBytes;
    private final Consumer<Frame> sink;
    /** The start of a line split across reads: {@code pending[0, pendingLength)}. */
    private byte[] pending = NONE;
    private int pendingLength;
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
                endOfLine(bytes, start, i - start);
                start = i + 1;
            }
        }
        carryOver(bytes, start, bytes.length - start);
    }

    /** The bytes before a line ending: the whole line, or its end when the rest is pending. */
    private void endOfLine(byte[] bytes, int offset, int length) {
        if (skipping) {
            skipping = false;
            return;
        }
        if (pendingLength + length > maxLineBytes) {
            release();
            sink.accept(new Frame.TooLong());
            return;
        }
        if (pendingLength == 0) {
            emit(bytes, offset, length);
            return;
        }
        append(bytes, offset, length);
        byte[] line = pending;
        int lineLength = pendingLength;
        release();
        emit(line, 0, lineLength);
    }

    /** Bytes after the last line ending of a read: the start of a line that continues in the next read. */
    private void carryOver(byte[] bytes, int offset, int length) {
        if (skipping || length == 0) {
            return;
        }
        if (pendingLength + length > maxLineBytes) {
            release();
            skipping = true;
            sink.accept(new Frame.TooLong());
            return;
        }
        append(bytes, offset, length);
    }

    private void append(byte[] bytes, int offset, int length) {
        int needed = pendingLength + length;
        if (needed > pending.length) {
            int capacity = Math.max(needed, Math.max(FIRST_CAPACITY, pending.length * 2));
            pending = Arrays.copyOf(pending, Math.min(capacity, maxLineBytes));
        }
        System.arraycopy(bytes, offset, pending, pendingLength, length);
        pendingLength = needed;
    }

    /** Bytes of line buffer this connection holds now (0 unless a line is incomplete). */
    int retainedBytes() {
        return pending.length;
    }

    private void release() {
        pending = NONE;
        pendingLength = 0;
    }

    private void emit(byte[] bytes, int offset, int length) {
        int end = length > 0 && bytes[offset + length - 1] == '\r' ? length - 1 : length;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, end))
                .toString();
            sink.accept(new Frame.Line(text));
        } catch (CharacterCodingException e) {
            sink.accept(new Frame.BadEncoding());
        }
    }
}
