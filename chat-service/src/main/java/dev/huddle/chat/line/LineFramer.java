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
 *
 * <p>Raw bytes (a file after {@code upload}): while a line is handed on, its reader may {@link #hold}
 * the framer, because the bytes after that line may be a file rather than lines. The rest of the read
 * is then kept aside (the reader pauses the socket so no more arrives) until the reader either
 * {@link #raw switches to raw bytes} — exactly {@code count} bytes go to a {@link RawSink}, the kept
 * bytes first, and framing resumes right after them, in the same read if that is where they end — or
 * {@link #release releases} the hold and the kept bytes are read as lines after all.
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

    /** Where raw bytes go; called on the connection's event loop. */
    public interface RawSink {
        void bytes(Buffer bytes);

        /** All {@code count} bytes were handed on. */
        void end();
    }

    /** A {@link #hold} taken by one line; releasing an older one never lets go of a newer one. */
    public static final class Hold {
        private Hold() {
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
    /** The hold in force, or null; while set, what arrives is kept in {@link #kept}. */
    private Hold hold;
    private byte[] kept = NONE;
    private RawSink raw;
    private long rawLeft;

    public LineFramer(int maxLineBytes, Consumer<Frame> sink) {
        this.maxLineBytes = maxLineBytes;
        this.sink = sink;
    }

    public void feed(Buffer chunk) {
        if (raw != null && rawLeft >= chunk.length()) {
            toRaw(chunk); // the bulk of a transfer: handed on as it came, not copied
            return;
        }
        process(chunk.getBytes(), 0);
    }

    /**
     * Stops framing after the line being handed on: what follows is kept, unread, until {@link #raw}
     * or {@link #release}. Meant to be called from the {@link Frame.Line} callback.
     */
    public Hold hold() {
        hold = new Hold();
        return hold;
    }

    /** Whether the bytes read so far end inside a line (raw bytes of a transfer and held bytes excepted). */
    public boolean partialLine() {
        return raw == null && hold == null && (pendingLength > 0 || skipping);
    }

    /** Whether a hold is in force (the reader keeps the socket paused meanwhile). */
    public boolean holding() {
        return hold != null;
    }

    /**
     * The next {@code count} bytes, those kept by the hold first, go to {@code sink}; then framing
     * resumes. Ends the hold in force.
     */
    public void raw(long count, RawSink rawSink) {
        hold = null;
        raw = rawSink;
        rawLeft = count;
        if (count == 0) {
            raw = null;
            rawSink.end();
        }
        replayKept();
    }

    /** Lets go of {@code released} if it is still in force: the kept bytes are read as lines. */
    public void release(Hold released) {
        if (hold == released && released != null) {
            hold = null;
            replayKept();
        }
    }

    /** Stops handing bytes to {@code abandoned} (a transfer that failed): what arrives next is lines again. */
    public void abandonRaw(RawSink abandoned) {
        if (raw == abandoned && abandoned != null) {
            raw = null;
            rawLeft = 0;
        }
    }

    private void process(byte[] bytes, int from) {
        int start = from;
        int i = from;
        while (i < bytes.length) {
            if (raw != null) {
                int n = (int) Math.min(rawLeft, bytes.length - i);
                toRaw(Buffer.buffer(Arrays.copyOfRange(bytes, i, i + n)));
                i += n;
                start = i;
            } else if (hold != null) {
                keep(bytes, i);
                return;
            } else {
                if (bytes[i] == '\n') {
                    endOfLine(bytes, start, i - start);
                    start = i + 1;
                }
                i++;
            }
        }
        if (raw == null && hold == null) {
            carryOver(bytes, start, bytes.length - start);
        }
    }

    private void toRaw(Buffer bytes) {
        RawSink rawSink = raw;
        rawLeft -= bytes.length();
        if (rawLeft == 0) {
            raw = null;
        }
        if (bytes.length() > 0) {
            rawSink.bytes(bytes);
        }
        if (raw == null) {
            rawSink.end();
        }
    }

    private void keep(byte[] bytes, int from) {
        byte[] more = new byte[kept.length + bytes.length - from];
        System.arraycopy(kept, 0, more, 0, kept.length);
        System.arraycopy(bytes, from, more, kept.length, bytes.length - from);
        kept = more;
    }

    private void replayKept() {
        byte[] bytes = kept;
        kept = NONE;
        if (bytes.length > 0) {
            process(bytes, 0);
        }
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

    /** Bytes of line buffer this connection holds now (0 unless a line is incomplete or a hold keeps bytes). */
    int retainedBytes() {
        return pending.length + kept.length;
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
