package dev.huddle.client.files;

import dev.huddle.client.ClientTls;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.FileInfo;
import dev.huddle.contracts.chat.FileTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Files for an interactive front end: sending (tus, {@link TusUpload}), saving and fetching into
 * memory ({@link HttpDownload}, the bytes checked against the SHA-256 the server sends and the one
 * the message announced), each a cancellable {@link Transfer} on a virtual thread. A cancelled upload
 * is removed from the server too, so it leaves nothing behind.
 */
public final class FileClient implements AutoCloseable {

    private final URI base;
    private final Supplier<String> token;
    private final Duration timeout;
    private final ClientTls tls;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    /** @param base chat-service's HTTP address; {@code token} the session's token at the time of each call */
    public FileClient(URI base, Supplier<String> token, Duration timeout) {
        this(base, token, timeout, ClientTls.OFF);
    }

    /** @param tls whether {@code base} (an https URL then) is reached over TLS, and whom it trusts */
    public FileClient(URI base, Supplier<String> token, Duration timeout, ClientTls tls) {
        this.base = base;
        this.token = token;
        this.timeout = timeout;
        this.tls = tls;
    }

    /** Sends {@code file} into a room or to a user under its own name; the result is the stored file's id. */
    public Transfer<Long> upload(FileTarget target, Path file, Progress progress) {
        TusUpload tus = new TusUpload(base, currentToken(), timeout, tls);
        return Transfer.start(threads, progress, p -> {
            long size = size(file);
            URI upload = tus.create(target, file.getFileName().toString(), size, Sha256.of(file));
            try {
                return tus.resume(upload, file, p);
            } catch (RuntimeException e) {
                Thread.interrupted(); // a cancel interrupted this thread; the removal below must still go out
                cancelQuietly(tus, upload);
                throw e;
            }
        });
    }

    /** Saves a file at {@code target}, written under a temporary name until its bytes are checked. */
    public Transfer<Path> download(FileInfo file, Path target, Progress progress) {
        HttpDownload http = new HttpDownload(base, currentToken(), timeout, tls);
        return Transfer.start(threads, progress, p -> {
            Path temp = temporary(target);
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    check(file, http.fetch(file.id(), out, p));
                }
                return Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target, e);
            } finally {
                deleteQuietly(temp);
            }
        });
    }

    /** A file's bytes in memory (a picture to show), refused when larger than {@code maxBytes}. */
    public Transfer<byte[]> fetch(FileInfo file, long maxBytes) {
        HttpDownload http = new HttpDownload(base, currentToken(), timeout, tls);
        return Transfer.start(threads, Progress.NONE, p -> {
            if (file.size() > maxBytes) {
                throw new HuddleException(ErrorCode.TOO_LARGE, file.name() + " is too large to show");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) file.size());
            check(file, http.fetch(file.id(), bytes, p));
            return bytes.toByteArray();
        });
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** The server checked its bytes against the ETag; this checks that they are the ones the message announced. */
    private static void check(FileInfo announced, HttpDownload.Received received) {
        if (!announced.sha256().equalsIgnoreCase(received.sha256())) {
            throw new HuddleException(ErrorCode.CHECKSUM_MISMATCH, "the file received is not the one announced");
        }
    }

    private String currentToken() {
        String current = token.get();
        if (current == null) {
            throw new HuddleException(ErrorCode.INVALID_TOKEN, "not logged in");
        }
        return current;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new HuddleException(ErrorCode.BAD_REQUEST, "cannot read " + file.getFileName());
        }
    }

    private static Path temporary(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            return Files.createTempFile(dir, ".huddle-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in " + dir, e);
        }
    }

    private static void cancelQuietly(TusUpload tus, URI upload) {
        try {
            tus.cancel(upload);
        } catch (RuntimeException ignored) {
            // the server drops an abandoned upload by itself after a while
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a left-over temporary file is harmless
        }
    }
}
