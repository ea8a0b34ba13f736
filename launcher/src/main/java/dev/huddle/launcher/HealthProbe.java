package dev.huddle.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** {@code GET /health} on 127.0.0.1: up means 200 (a draining or unclustered service answers 503). */
final class HealthProbe {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    static String url(int port) {
        return "http://127.0.0.1:" + port + "/health";
    }

    CompletableFuture<Boolean> isUp(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(port))).timeout(Duration.ofSeconds(2)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
            .thenApply(response -> response.statusCode() == 200)
            .exceptionally(notAnswering -> false);
    }
}
