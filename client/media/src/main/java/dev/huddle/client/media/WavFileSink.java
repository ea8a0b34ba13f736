package dev.huddle.client.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What a participant heard, written to a WAV file (16-bit mono PCM at {@link AudioSource#SAMPLE_RATE}):
 * {@code huddle-cli call --save-audio FILE}, and how tests check what came out of the jitter buffer.
 * The header's sizes are written again on {@link #close()}, so the file is a valid WAV as soon as the
 * call has ended. Written from the call's own clock thread (never an event loop).
 */
public final class WavFileSink implements AudioSink, AutoCloseable {

    private static final int HEADER = 44;

    private final FileChannel file;
    private long dataBytes;
    private boolean closed;

    private WavFileSink(FileChannel file) {
        this.file = file;
    }

    public static WavFileSink create(Path path) {
        try {
            FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
            WavFileSink sink = new WavFileSink(file);
            sink.writeHeader();
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void play(byte[] pcm) {
        if (closed) {
            return;
        }
        try {
            file.write(ByteBuffer.wrap(pcm), HEADER + dataBytes);
            dataBytes += pcm.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (file) {
            writeHeader();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The canonical 44-byte RIFF/WAVE header for PCM. */
    private void writeHeader() throws IOException {
        int rate = AudioSource.SAMPLE_RATE;
        ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
            .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
            .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2)
            .putShort((short) 16)
            .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes).flip();
        file.write(header, 0);
    }
}
