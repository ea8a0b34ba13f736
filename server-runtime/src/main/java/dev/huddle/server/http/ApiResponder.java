package dev.huddle.server.http;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.server.actionlog.ActionLog;
import dev.huddle.server.token.Principal;
import io.vertx.core.Future;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place HTTP answers are written: success bodies, error bodies with their stable code, and
 * the action-log block for the pair. Handlers decode, call their service and hand the future here.
 */
public final class ApiResponder {

    /** Where the verified caller is kept on the routing context. */
    public static final String PRINCIPAL = "huddle.principal";
    private static final Logger LOG = LoggerFactory.getLogger(ApiResponder.class);
    private static final int MAX_LOGGED_BODY = 2_000;

    private final ActionLog actionLog;

    public ApiResponder(ActionLog actionLog) {
        this.actionLog = actionLog;
    }

    /**
     * Answers with {@code status} and the future's value (a {@link JsonObject}, {@link JsonArray}, or
     * {@code null} for an empty body), or with the error the future failed with.
     */
    public void reply(RoutingContext ctx, String action, int status, Future<?> result) {
        result.onComplete(
            value -> send(ctx, action, status, value),
            error -> fail(ctx, action, error));
    }

    /** Answers with an error: a {@link HuddleException} keeps its code, anything else is INTERNAL. */
    public void fail(RoutingContext ctx, String action, Throwable error) {
        HuddleException refusal = toRefusal(error);
        send(ctx, action, refusal.code().httpStatus(), refusal.toJson());
    }

    /**
     * Answers a request Netty could not decode (headers or request line too long, a malformed
     * request) with the JSON error shape; the server closes the connection once it is sent. Nothing
     * of the request is logged but its method and path: its headers were never read.
     */
    public void refuseUndecodable(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        HuddleException refusal = switch (cause) {
            case TooLongHttpHeaderException e -> new HuddleException(ErrorCode.HEADERS_TOO_LARGE,
                "the request headers are too large");
            case TooLongHttpLineException e -> new HuddleException(ErrorCode.URI_TOO_LONG,
                "the request line is too long");
            case null, default -> HuddleException.badRequest("the request is not valid HTTP");
        };
        String body = refusal.toJson().encode();
        request.response().setStatusCode(refusal.code().httpStatus())
            .putHeader("content-type", "application/json").end(body);
        actionLog.record("unknown", null, request.method() + " (undecodable request)",
            refusal.code().httpStatus() + " " + body);
    }

    /**
     * The JSON body of a request; a missing or broken body is a BAD_REQUEST, a body not declared
     * {@code application/json} is UNSUPPORTED_MEDIA_TYPE (415).
     */
    public static JsonObject jsonBody(RoutingContext ctx) {
        String type = ctx.request().getHeader("content-type");
        boolean json = type != null && type.split(";", 2)[0].strip().equalsIgnoreCase("application/json");
        Buffer body = ctx.body().buffer();
        boolean empty = body == null || body.length() == 0;
        if (!json && (type != null || !empty)) {
            throw new HuddleException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "the body must be JSON, sent with Content-Type: application/json");
        }
        if (empty) {
            throw HuddleException.badRequest("a JSON body is required");
        }
        try {
            return new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw HuddleException.badRequest("the body is not a JSON object");
        }
    }

    public static Principal principal(RoutingContext ctx) {
        Principal principal = ctx.get(PRINCIPAL);
        if (principal == null) {
            throw new HuddleException(ErrorCode.INVALID_TOKEN, "a bearer token is required");
        }
        return principal;
    }

    static HuddleException toRefusal(Throwable error) {
        if (error instanceof HuddleException refusal) {
            return refusal;
        }
        LOG.error("unexpected failure", error);
        return new HuddleException(ErrorCode.INTERNAL, "internal error");
    }

    private void send(RoutingContext ctx, String action, int status, Object value) {
        String body = switch (value) {
            case null -> "";
            case JsonObject json -> json.encode();
            case JsonArray json -> json.encode();
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        };
        if (!ctx.response().ended() && !ctx.response().closed()) {
            ctx.response().setStatusCode(status);
            if (!body.isEmpty()) {
                ctx.response().putHeader("content-type", "application/json");
            }
            ctx.response().end(body);
        }
        Principal principal = ctx.get(PRINCIPAL);
        actionLog.record(action, principal == null ? null : principal.username(), requestText(ctx),
            status + (body.isEmpty() ? "" : " " + body));
    }

    private static String requestText(RoutingContext ctx) {
        String line = ctx.request().method() + " " + ctx.request().path();
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body == null || body.length() == 0) {
            return line;
        }
        // Only a body that parses as JSON is logged (and masked field by field); any other body may
        // be a form or anything else that carries a password in a shape the masker cannot know.
        Object json;
        try {
            json = Json.decodeValue(body);
        } catch (DecodeException e) {
            json = null;
        }
        if (!(json instanceof JsonObject) && !(json instanceof JsonArray)) {
            return line + " (body not logged: not a JSON object or array, " + body.length() + " bytes)";
        }
        String text = body.toString();
        return line + " " + (text.length() > MAX_LOGGED_BODY ? text.substring(0, MAX_LOGGED_BODY) + "..." : text);
    }
}
