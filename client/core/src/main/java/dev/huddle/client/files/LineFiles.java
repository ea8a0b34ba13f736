package dev.huddle.client.files;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.FileTarget;
import dev.huddle.contracts.chat.LineCodec;
import dev.huddle.contracts.chat.LineReply;
import dev.huddle.contracts.chat.Reply;
import io.vertx.core.json.JsonObject;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Files over chat-service's line protocol, where raw bytes follow a line (docs/LINE_PROTOCOL.md,
 * "Files"): {@code upload} is answered {@code READY}, then exactly the declared bytes go out and
 * the {@code OK upload} or {@code ERR} comes back; {@code download}'s {@code OK} line is followed by
 * exactly the announced bytes. One command at a time, on the calling thread; {@code EVENT} lines
 * met on the way are kept ({@link #events()}). Downloads are checked against the SHA-256 the server
 * announced.
 */
public final class LineFiles implements AutoCloseable {

    private static final int MAX_LINE = 1 << 20;
    private static final int BLOCK = 64 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String peer;
    private final List<Reply.Event> events = new ArrayList<>();

    private LineFiles(Socket socket, String peer) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), BLOCK);
        this.out = socket.getOutputStream();
        this.peer = peer;
    }

    /** Connects; {@code timeout} bounds the connection and every wait for a line or a byte. */
    public static LineFiles open(String host, int port, Duration timeout) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            return new LineFiles(socket, host + ":" + port);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // giving up anyway
            }
            throw new HuddleException(ErrorCode.UNAVAILABLE, "cannot connect to chat-service at " + host + ":" + port
                + ": " + e.getMessage());
        }
    }

    /** Sends a file from disk under {@code name}; returns the stored file's JSON. */
    public JsonObject upload(String token, FileTarget target, Path file, String name, Progress progress) {
        try (InputStream bytes = Files.newInputStream(file)) {
            return upload(token, target, bytes, Files.size(file), Sha256.of(file), name, progress);
        } catch (IOException e) {
            throw new HuddleException(ErrorCode.BAD_REQUEST, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * Declares {@code size} bytes with their {@code sha256}, and after {@code READY} sends them from
     * {@code bytes}; returns the stored file's JSON.
     *
     * @throws HuddleException the server's refusal (before the bytes: TOO_LARGE, QUOTA_EXCEEDED,
     *                         NOT_MEMBER...; after them: SIZE_MISMATCH, CHECKSUM_MISMATCH), or UNAVAILABLE
     */
    public JsonObject upload(String token, FileTarget target, InputStream bytes, long size, String sha256, String name,
                             Progress progress) {
        Command.Upload upload = new Command.Upload(token, target, size, sha256, name);
        try {
            writeLine(LineCodec.format(upload));
            Reply ready = nextReply();
            if (!(ready instanceof Reply.Ready)) {
                return ok(ready);
            }
            byte[] block = new byte[BLOCK];
            long sent = 0;
            while (sent < size) {
                int n = bytes.read(block, 0, (int) Math.min(block.length, size - sent));
                if (n < 0) {
                    throw new HuddleException(ErrorCode.SIZE_MISMATCH, "the source ended after " + sent + " of " + size
                        + " bytes");
                }
                out.write(block, 0, n);
                sent += n;
                progress.update(sent, size);
            }
            out.flush();
            return ok(nextReply());
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    /**
     * Fetches a file into {@code sink}; returns its JSON once the bytes' SHA-256 matched the one
     * announced.
     *
     * @throws HuddleException the server's refusal, CHECKSUM_MISMATCH when the bytes do not match,
     *                         UNAVAILABLE when the connection fails
     */
    public JsonObject download(String token, long fileId, OutputStream sink, Progress progress) {
        try {
            writeLine(LineCodec.format(new Command.Download(token, fileId)));
            JsonObject file = ok(nextReply());
            long size = file.getLong("size");
            MessageDigest digest = Sha256.digest();
            byte[] block = new byte[BLOCK];
            long received = 0;
            while (received < size) {
                int n = in.read(block, 0, (int) Math.min(block.length, size - received));
                if (n < 0) {
                    throw new HuddleException(ErrorCode.UNAVAILABLE, "the connection closed after " + received + " of "
                        + size + " bytes");
                }
                digest.update(block, 0, n);
                sink.write(block, 0, n);
                received += n;
                progress.update(received, size);
            }
            String actual = Sha256.hex(digest);
            if (!actual.equals(file.getString("sha256"))) {
                throw new HuddleException(ErrorCode.CHECKSUM_MISMATCH, "received bytes hash to " + actual
                    + ", not the announced " + file.getString("sha256"));
            }
            return file;
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    /** Any other command; returns its OK or ERR reply. */
    public Reply request(Command command) {
        try {
            writeLine(LineCodec.format(command));
            return nextReply();
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    /** Events that arrived while waiting for replies, oldest first. */
    public List<Reply.Event> events() {
        return events;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void writeLine(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private Reply nextReply() throws IOException {
        while (true) {
            Reply reply = LineReply.parse(readLine());
            if (reply instanceof Reply.Event event) {
                events.add(event);
            } else {
                return reply;
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed");
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("a line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static JsonObject ok(Reply reply) {
        return switch (reply) {
            case Reply.Ok ok -> ok.object();
            case Reply.Err err -> throw new HuddleException(err.code(), err.message());
            default -> throw new HuddleException(ErrorCode.INTERNAL, "unexpected reply " + reply);
        };
    }

    private HuddleException unavailable(IOException e) {
        String why = e instanceof SocketTimeoutException ? "no answer in time" : e.getMessage();
        return new HuddleException(ErrorCode.UNAVAILABLE, "file transfer with " + peer + " failed: " + why);
    }
}
