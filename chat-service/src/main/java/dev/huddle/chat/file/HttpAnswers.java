package dev.huddle.chat.file;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.server.actionlog.ActionLog;
import dev.huddle.server.http.ApiResponder;
import dev.huddle.server.token.Principal;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the file routes answer and log: they stream their bodies, so they do not go through the JSON
 * {@link ApiResponder}, but errors have the same {@code {"code","message"}} body and every request
 * gets its action-log block (never the bytes). A refusal sent before the request body was read
 * closes the connection, so the unread body is never read.
 */
public final class HttpAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(HttpAnswers.class);

    private final ActionLog actionLog;

    public HttpAnswers(ActionLog actionLog) {
        this.actionLog = actionLog;
    }

    /** Ends the response (headers already set) and logs {@code status} and {@code result}. */
    void done(RoutingContext ctx, String action, int status, String request, String result) {
        HttpServerResponse response = ctx.response();
        if (!response.ended() && !response.closed()) {
            response.setStatusCode(status).end();
        }
        log(ctx, action, request, status + (result == null ? "" : " " + result));
    }

    void fail(RoutingContext ctx, String action, String request, Throwable error) {
        fail(ctx, action, request, refusal(error), 0);
    }

    /** A refusal with an HTTP status other than its code's (tus's 415). */
    void fail(RoutingContext ctx, String action, String request, HuddleException refusal, int status) {
        int code = status != 0 ? status : refusal.code().httpStatus();
        String body = refusal.toJson().encode();
        HttpServerResponse response = ctx.response();
        if (!response.ended() && !response.closed()) {
            if (!ctx.request().isEnded()) {
                response.putHeader("Connection", "close");
                ctx.addEndHandler(v -> ctx.request().connection().close());
            }
            response.setStatusCode(code);
            if (refusal.code() == ErrorCode.CHECKSUM_MISMATCH) {
                response.setStatusMessage("Checksum Mismatch");
            }
            if (ctx.request().method() == HttpMethod.HEAD) {
                response.end();
            } else {
                response.putHeader("Content-Type", "application/json").end(body);
            }
        }
        log(ctx, action, request, code + " " + body);
    }

    private void log(RoutingContext ctx, String action, String request, String response) {
        Principal principal = ctx.get(ApiResponder.PRINCIPAL);
        actionLog.record(action, principal == null ? null : principal.username(), request, response);
    }

    static HuddleException refusal(Throwable error) {
        if (error instanceof HuddleException refusal) {
            return refusal;
        }
        if (error instanceof HttpClosedException) {
            // the client went away mid-request: expected, and what arrived is kept (tus resumes from it)
            return new HuddleException(ErrorCode.UNAVAILABLE, "the client closed the connection");
        }
        LOG.error("file transfer failed unexpectedly", error);
        return new HuddleException(ErrorCode.INTERNAL, "internal error");
    }
}
