package dev.huddle.client.http;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * JSON over HTTP to one Huddle service: a request with an optional bearer token and JSON body, an
 * answer that is the JSON result, or a {@link HuddleException} — the service's
 * {@code {code, message}} for a refusal, {@link ErrorCode#UNAVAILABLE} when it cannot be reached or
 * does not answer in time, {@link ErrorCode#INTERNAL} for an answer that is not JSON. Nothing else
 * escapes, so callers have one error path.
 */
public final class HttpJson {

    private final HttpClient http;
    private final String service;
    private final String host;
    private final int port;
    private final Duration timeout;

    public HttpJson(HttpClient http, String service, String host, int port, Duration timeout) {
        this.http = http;
        this.service = service;
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    /** The result: a {@code JsonObject} or {@code JsonArray}, or null for an empty body. */
    public Future<Object> call(HttpMethod method, String path, String token, JsonObject body) {
        RequestOptions options = new RequestOptions().setMethod(method).setHost(host).setPort(port).setURI(path)
            .setConnectTimeout(timeout.toMillis()).setIdleTimeout(timeout.toMillis())
            .putHeader("accept", "application/json");
        if (token != null) {
            options.putHeader("authorization", "Bearer " + token);
        }
        if (body != null) {
            options.putHeader("content-type", "application/json");
        }
        return http.request(options)
            .compose(request -> body == null ? request.send() : request.send(body.toBuffer()))
            .compose(response -> response.body().map(bytes -> answer(response, bytes)))
            .recover(this::unreachable);
    }

    /** As {@link #call}, for a result that must be an object. */
    public Future<JsonObject> object(HttpMethod method, String path, String token, JsonObject body) {
        return call(method, path, token, body).map(result -> {
            if (result instanceof JsonObject object) {
                return object;
            }
            throw new HuddleException(ErrorCode.INTERNAL, service + " answered " + path + " with no JSON object");
        });
    }

    private Object answer(HttpClientResponse response, Buffer bytes) {
        Object json;
        try {
            json = bytes.length() == 0 ? null : Json.decodeValue(bytes);
        } catch (RuntimeException e) {
            throw new HuddleException(ErrorCode.INTERNAL, service + " sent something that is not JSON (HTTP "
                + response.statusCode() + ")");
        }
        if (response.statusCode() >= 400) {
            throw json instanceof JsonObject error ? HuddleException.fromJson(error)
                : new HuddleException(ErrorCode.INTERNAL, service + " failed (HTTP " + response.statusCode() + ")");
        }
        return json;
    }

    private Future<Object> unreachable(Throwable failure) {
        if (failure instanceof HuddleException refusal) {
            return Future.failedFuture(refusal);
        }
        return Future.failedFuture(new HuddleException(ErrorCode.UNAVAILABLE,
            "cannot reach " + service + " at " + host + ":" + port));
    }
}
