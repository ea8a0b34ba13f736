package dev.huddle.server.http;

import dev.huddle.server.token.TokenGate;
import io.vertx.ext.web.RoutingContext;

/**
 * Route handler that admits a request only with a valid {@code Authorization: Bearer <token>};
 * the caller's principal is then under {@link ApiResponder#PRINCIPAL}.
 */
public final class BearerAuth {

    private static final String PREFIX = "Bearer ";

    private final TokenGate tokens;
    private final ApiResponder responder;

    public BearerAuth(TokenGate tokens, ApiResponder responder) {
        this.tokens = tokens;
        this.responder = responder;
    }

    /** A handler for routes whose action type is {@code action} (used for the log if refused). */
    public io.vertx.core.Handler<RoutingContext> forAction(String action) {
        return ctx -> {
            tokens.verify(bearer(ctx)).onComplete(
                principal -> {
                    ctx.put(ApiResponder.PRINCIPAL, principal);
                    ctx.next();
                },
                error -> responder.fail(ctx, action, error));
        };
    }

    /** The token of an {@code Authorization: Bearer <token>} header, or null without one. */
    static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
            ? header.substring(PREFIX.length()).trim()
            : null;
    }

    /** The raw bearer token of an authenticated request (logout needs it). */
    public static String token(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        return header == null ? null : header.substring(PREFIX.length()).trim();
    }
}
