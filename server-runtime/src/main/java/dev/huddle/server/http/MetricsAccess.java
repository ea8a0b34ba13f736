package dev.huddle.server.http;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may read {@code /metrics}: the counters name rooms, connections and internals an outsider has
 * no business seeing, so the endpoint is private. With {@code HUDDLE_METRICS_TOKEN} set, a request
 * must carry it as {@code Authorization: Bearer <token>} (a scraper anywhere); without it, only a
 * caller on this machine's loopback is served (the launcher, a local scraper, a container's own
 * healthcheck). Anyone else gets 403 FORBIDDEN in the JSON error shape.
 */
final class MetricsAccess implements Handler<RoutingContext> {

    private final byte[] token;
    private final ApiResponder responder;

    /** @param token the scrape token, or empty for loopback callers only */
    MetricsAccess(String token, ApiResponder responder) {
        this.token = token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.responder = responder;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (allowed(ctx)) {
            ctx.next();
        } else {
            responder.fail(ctx, "unknown", new HuddleException(ErrorCode.FORBIDDEN, token == null
                ? "metrics are served to this machine only (or with HUDDLE_METRICS_TOKEN)"
                : "metrics need the scrape token as a bearer token"));
        }
    }

    private boolean allowed(RoutingContext ctx) {
        if (token != null) {
            String presented = BearerAuth.bearer(ctx);
            // constant time: the comparison must not tell a guesser how much of the token it has
            return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
        }
        return isLoopback(ctx.request().remoteAddress());
    }

    private static boolean isLoopback(SocketAddress peer) {
        if (peer == null || peer.hostAddress() == null) {
            return false;
        }
        try {
            // an IP literal: parsed, never looked up
            return InetAddress.getByName(peer.hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
