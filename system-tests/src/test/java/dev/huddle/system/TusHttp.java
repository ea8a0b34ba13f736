package dev.huddle.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * tus requests written out by hand for tests, so each protocol step (and each way of breaking it)
 * can be sent exactly: the JDK client for well-formed requests, a raw socket for cut or oversized ones.
 */
final class TusHttp {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;

    TusHttp(int port) {
        this.port = port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String metadata(String filename, String target, String sha256) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("filename", filename);
        values.put("target", target);
        values.put("sha256", sha256);
        StringBuilder header = new StringBuilder();
        values.forEach((k, v) -> header.append(header.isEmpty() ? "" : ",").append(k).append(' ')
            .append(Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        return header.toString();
    }

    HttpResponse<String> create(String token, long length, String metadata) {
        return send(HttpRequest.newBuilder(uri("/api/files/uploads")).header("Authorization", "Bearer " + token)
            .header("Tus-Resumable", "1.0.0").header("Upload-Length", Long.toString(length))
            .header("Upload-Metadata", metadata).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> head(String token, String location) {
        return send(HttpRequest.newBuilder(uri(location)).header("Authorization", "Bearer " + token)
            .header("Tus-Resumable", "1.0.0").method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> patch(String token, String location, long offset, byte[] bytes, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(location)).header("Authorization", "Bearer " + token)
            .header("Tus-Resumable", "1.0.0").header("Upload-Offset", Long.toString(offset))
            .header("Content-Type", "application/offset+octet-stream")
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    HttpResponse<String> delete(String token, String location) {
        return send(HttpRequest.newBuilder(uri(location)).header("Authorization", "Bearer " + token)
            .header("Tus-Resumable", "1.0.0").DELETE().build());
    }

    HttpResponse<byte[]> get(String token, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A raw HTTP/1.1 connection: headers and body bytes written as given, the answer read as text. */
    final class Raw implements AutoCloseable {
        final Socket socket = new Socket();
        final OutputStream out;
        final InputStream in;

        Raw() {
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                socket.setSoTimeout(15_000);
                out = socket.getOutputStream();
                in = socket.getInputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void head(String method, String path, String token, String... headers) throws IOException {
            StringBuilder text = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + token + "\r\nTus-Resumable: 1.0.0\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                text.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            out.write(text.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** The status line and headers of the next answer. */
        String answer() throws IOException {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                text.write(b);
                matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
            }
            return text.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // done with it
            }
        }
    }
}
