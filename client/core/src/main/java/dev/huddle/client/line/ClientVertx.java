package dev.huddle.client.line;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * The one small Vert.x instance that blocking clients in this JVM share ({@link LineConnection}s of
 * huddle-cli and of the system tests): one event loop is plenty for a handful of sockets. It exists
 * while someone holds it; Vert.x threads are not daemons, so the last {@link #release()} closes it and
 * a program that closes its connections can end.
 */
final class ClientVertx {

    private static Vertx shared;
    private static int holders;

    private ClientVertx() {
    }

    static synchronized Vertx acquire() {
        if (shared == null) {
            shared = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        }
        holders++;
        return shared;
    }

    static synchronized void release() {
        if (holders > 0 && --holders == 0) {
            shared.close();
            shared = null;
        }
    }
}
