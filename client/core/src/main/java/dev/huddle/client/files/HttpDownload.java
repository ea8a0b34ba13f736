package dev.huddle.client.files;

import dev.huddle.client.ClientTls;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;

/** Fetches a file with {@code GET /api/files/{id}}, checking its bytes against the SHA-256 the server sends. */
public final class HttpDownload {

    /** What was received: the name the server gives the file, its size, its verified SHA-256. */
    public record Received(String name, long size, String sha256, String contentType) {
    }

    private final HttpFiles http;

    public HttpDownload(URI base, String token, Duration timeout) {
        this(base, token, timeout, ClientTls.OFF);
    }

    /** @param tls whether {@code base} (an https URL then) is reached over TLS, and whom it trusts */
    public HttpDownload(URI base, String token, Duration timeout, ClientTls tls) {
        this.http = new HttpFiles(base, token, timeout, tls);
    }

    /**
     * Streams the file into {@code sink}.
     *
     * @throws HuddleException the server's refusal (NOT_MEMBER, NOT_FOUND...), CHECKSUM_MISMATCH when
     *                         the bytes are not the ones the ETag names, UNAVAILABLE on a broken connection
     */
    public Received fetch(long fileId, OutputStream sink, Progress progress) {
        HttpRequest request = http.request(http.base.resolve("/api/files/" + fileId)).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw HttpFiles.refusal(response.statusCode(), HttpFiles.readAll(response.body()));
        }
        String expected = response.headers().firstValue("ETag").map(tag -> tag.replace("\"", ""))
            .orElseThrow(() -> new HuddleException(ErrorCode.INTERNAL, "no ETag: nothing to check the bytes against"));
        long size = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        MessageDigest digest = Sha256.digest();
        long received = 0;
        byte[] block = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            for (int n = in.read(block); n >= 0; n = in.read(block)) {
                digest.update(block, 0, n);
                sink.write(block, 0, n);
                received += n;
                progress.update(received, size);
            }
        } catch (IOException e) {
            throw new HuddleException(ErrorCode.UNAVAILABLE, "the download broke off after " + received + " bytes: "
                + e.getMessage());
        }
        String actual = Sha256.hex(digest);
        if (!actual.equals(expected)) {
            throw new HuddleException(ErrorCode.CHECKSUM_MISMATCH, "received bytes hash to " + actual + ", not "
                + expected);
        }
        return new Received(name(response.headers().firstValue("Content-Disposition").orElse("")), received, actual,
            response.headers().firstValue("Content-Type").orElse("application/octet-stream"));
    }

    /** The name from {@code filename*=UTF-8''...} (RFC 6266), else from {@code filename="..."}. */
    static String name(String disposition) {
        int extended = disposition.indexOf("filename*=UTF-8''");
        if (extended >= 0) {
            String encoded = disposition.substring(extended + "filename*=UTF-8''".length()).split(";")[0].strip();
            return java.net.URLDecoder.decode(encoded.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        }
        int plain = disposition.indexOf("filename=\"");
        if (plain >= 0) {
            String rest = disposition.substring(plain + "filename=\"".length());
            return rest.substring(0, Math.max(0, rest.indexOf('"')));
        }
        return "download";
    }
}
