package dev.huddle.client.files;

import dev.huddle.client.ClientTls;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.FileTarget;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * A resumable upload to chat-service over tus 1.0 (POST to create, HEAD for the offset, PATCH the
 * bytes from there). The file is sent in requests of at most {@link #REQUEST_BYTES}, each one an
 * acknowledged offset, so a dropped connection costs at most one request's bytes: {@link #resume}
 * asks where the server got to and goes on from there.
 */
public final class TusUpload {

    /** The most bytes one PATCH carries. */
    public static final long REQUEST_BYTES = 8L * 1024 * 1024;
    static final String UPLOADS = "/api/files/uploads";

    private final HttpFiles http;

    /** @param base chat-service's HTTP address, e.g. {@code http://127.0.0.1:8083} */
    public TusUpload(URI base, String token, Duration timeout) {
        this(base, token, timeout, ClientTls.OFF);
    }

    /** @param tls whether {@code base} (an https URL then) is reached over TLS, and whom it trusts */
    public TusUpload(URI base, String token, Duration timeout, ClientTls tls) {
        this.http = new HttpFiles(base, token, timeout, tls);
    }

    /** Declares the upload; returns its URL. Refusals (TOO_LARGE, QUOTA_EXCEEDED, NOT_MEMBER...) come before any byte moves. */
    public URI create(FileTarget target, String name, long size, String sha256) {
        String metadata = "filename " + b64(name) + ",target " + b64(target.toString()) + ",sha256 " + b64(sha256);
        HttpRequest request = http.request(http.base.resolve(UPLOADS)).header("Tus-Resumable", "1.0.0")
            .header("Upload-Length", Long.toString(size)).header("Upload-Metadata", metadata)
            .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 201) {
            throw HttpFiles.refusal(response.statusCode(), response.body());
        }
        return http.base.resolve(response.headers().firstValue("Location")
            .orElseThrow(() -> new HuddleException(ErrorCode.INTERNAL, "201 without Location")));
    }

    /** Where the server got to: the offset to send from, and the file id once the upload is complete. */
    public record Status(long offset, long length, Optional<Long> fileId) {
    }

    /** @throws HuddleException NOT_FOUND when the upload is gone (finished long ago, cancelled, expired) */
    public Status status(URI upload) {
        HttpRequest request = http.request(upload).header("Tus-Resumable", "1.0.0")
            .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw HttpFiles.refusal(response.statusCode(), new byte[0]);
        }
        return new Status(header(response, "Upload-Offset"), header(response, "Upload-Length"),
            response.headers().firstValue("Huddle-File-Id").map(Long::parseLong));
    }

    /**
     * Sends {@code file} from the server's offset to its end; returns the stored file's id.
     *
     * @throws HuddleException the server's refusal, or UNAVAILABLE when the connection failed (call
     *                         again to resume)
     */
    public long resume(URI upload, Path file, Progress progress) {
        Status status = status(upload);
        if (status.fileId().isPresent()) {
            progress.update(status.length(), status.length());
            return status.fileId().get();
        }
        long offset = status.offset();
        long size = status.length();
        progress.update(offset, size);
        while (true) {
            long length = Math.min(REQUEST_BYTES, size - offset);
            HttpResponse<byte[]> response = patch(upload, file, offset, length, size, progress);
            if (response.statusCode() != 204) {
                throw HttpFiles.refusal(response.statusCode(), response.body());
            }
            offset = header(response, "Upload-Offset");
            Optional<String> fileId = response.headers().firstValue("Huddle-File-Id");
            if (fileId.isPresent()) {
                return Long.parseLong(fileId.get());
            }
            if (offset >= size) {
                throw new HuddleException(ErrorCode.INTERNAL, "the upload reached its end without a file id");
            }
        }
    }

    /** Cancels the upload (tus termination): its bytes and reservation are removed. */
    public void cancel(URI upload) {
        HttpRequest request = http.request(upload).header("Tus-Resumable", "1.0.0").DELETE().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 204) {
            throw HttpFiles.refusal(response.statusCode(), response.body());
        }
    }

    private HttpResponse<byte[]> patch(URI upload, Path file, long offset, long length, long size, Progress progress) {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
            HttpRequest.BodyPublishers.ofInputStream(() -> slice(file, offset, length, size, progress)), length);
        HttpRequest request = http.request(upload).header("Tus-Resumable", "1.0.0")
            .header("Upload-Offset", Long.toString(offset)).header("Content-Type", "application/offset+octet-stream")
            .method("PATCH", body).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** {@code length} bytes of the file from {@code offset}, reporting progress as the client reads them. */
    private static InputStream slice(Path file, long offset, long length, long size, Progress progress) {
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(offset);
            return new FilterInputStream(in) {
                private long left = length;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(b, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                        progress.update(offset + length - left, size);
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static long header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).map(Long::parseLong)
            .orElseThrow(() -> new HuddleException(ErrorCode.INTERNAL, "no " + name + " in the answer"));
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
