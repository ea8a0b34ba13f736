package dev.huddle.client.files;

import dev.huddle.client.ClientTls;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** What the HTTP file clients share: one JDK client, the bearer token, and errors read as HuddleExceptions. */
final class HttpFiles {

    final HttpClient http;
    final URI base;
    final String token;
    final Duration timeout;

    HttpFiles(URI base, String token, Duration timeout, ClientTls tls) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1);
        javax.net.ssl.SSLContext ssl = tls.sslContext();
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.http = builder.build();
        this.base = base;
        this.token = token;
        this.timeout = timeout;
    }

    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token);
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new HuddleException(ErrorCode.UNAVAILABLE, request.method() + " " + request.uri() + " failed: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HuddleException(ErrorCode.UNAVAILABLE, "interrupted");
        }
    }

    /** The server's {@code {"code","message"}} body as an exception; a body-less answer by its status. */
    static HuddleException refusal(int status, byte[] body) {
        try {
            JsonObject json = new JsonObject(new String(body, StandardCharsets.UTF_8));
            return HuddleException.fromJson(json);
        } catch (RuntimeException e) {
            ErrorCode code = switch (status) {
                case 401 -> ErrorCode.INVALID_TOKEN;
                case 403 -> ErrorCode.NOT_MEMBER;
                case 404 -> ErrorCode.NOT_FOUND;
                case 409 -> ErrorCode.CONFLICT;
                case 413 -> ErrorCode.TOO_LARGE;
                case 460 -> ErrorCode.CHECKSUM_MISMATCH;
                default -> status >= 500 ? ErrorCode.UNAVAILABLE : ErrorCode.BAD_REQUEST;
            };
            return new HuddleException(code, "HTTP " + status);
        }
    }

    static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
