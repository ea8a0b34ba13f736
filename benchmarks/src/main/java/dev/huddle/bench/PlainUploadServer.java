package dev.huddle.bench;

import io.vertx.core.Vertx;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The upload ceiling for {@link FileTransferBench}: a Vert.x HTTP server that writes each request
 * body to a new file and answers 204 — no token, no declaration, no hash, no database. What
 * chat-service's tus upload costs beyond this is the price of its checks.
 */
final class PlainUploadServer {

    private final Vertx vertx;
    private final HttpServer server;

    private PlainUploadServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    static PlainUploadServer start(Path dir) {
        Vertx vertx = Vertx.vertx();
        AtomicLong names = new AtomicLong();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
            .setHandle100ContinueAutomatically(true));
        server.requestHandler(request -> {
            request.pause();
            String file = dir.resolve("upload-" + names.incrementAndGet()).toString();
            vertx.fileSystem().open(file, new OpenOptions().setWrite(true).setCreate(true))
                .compose(out -> request.pipeTo(out))
                .onComplete(done -> request.response().setStatusCode(done.succeeded() ? 204 : 500).end());
        });
        return new PlainUploadServer(vertx, Blocking.await(server.listen()));
    }

    int port() {
        return server.actualPort();
    }

    void close() {
        Blocking.await(vertx.close());
    }
}
