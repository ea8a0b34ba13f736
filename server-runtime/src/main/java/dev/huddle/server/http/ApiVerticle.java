package dev.huddle.server.http;

import dev.huddle.server.runtime.ServiceRuntime;
import dev.huddle.server.token.Principal;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A service's HTTP server: {@code /health}, {@code /metrics}, {@code /openapi.yaml} and the JSON API
 * routes the subclass declares in {@link #routes()}, each answered and logged through one
 * {@link ApiResponder}. On undeploy the server stops accepting and drains within the grace period.
 */
public abstract class ApiVerticle extends VerticleBase {

    private static final long MAX_BODY = 64 * 1024;

    protected final ServiceRuntime runtime;
    private final String openApiResource;
    private final ApiResponder responder;
    private final BearerAuth auth;
    private Router router;
    private HttpServer server;

    /** @param openApiResource class-path resource served at {@code /openapi.yaml} */
    protected ApiVerticle(ServiceRuntime runtime, String openApiResource) {
        this.runtime = runtime;
        this.openApiResource = openApiResource;
        this.responder = new ApiResponder(runtime.actionLog());
        this.auth = new BearerAuth(runtime.tokens(), responder);
    }

    /** Declares the API with {@link #route} and {@link #publicRoute}. */
    protected abstract void routes();

    @Override
    public final Future<?> start() {
        router = Router.router(vertx);
        OpsRoutes.mount(router, runtime, responder);
        router.get("/openapi.yaml").handler(ctx -> ctx.response()
            .putHeader("content-type", "application/yaml").sendFile(openApiResource));
        streamingRoutes(router);
        // JSON only: a multipart body is never written to disk (file routes stream, above)
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
        routes();
        errorAnswers();
        server = vertx.createHttpServer(serverOptions(HttpServers.options(runtime.config())));
        // a request Netty cannot decode (431, 414, 400) never reaches the router
        server.invalidRequestHandler(responder::refuseUndecodable);
        configure(server);
        return server.requestHandler(router).listen();
    }

    /** Errors the router answers by itself, in the documented {@code {"code","message"}} shape. */
    private void errorAnswers() {
        router.errorHandler(404, ctx -> responder.fail(ctx, "unknown",
            new HuddleException(ErrorCode.NOT_FOUND, "no such path: " + ctx.request().path())));
        router.errorHandler(405, ctx -> responder.fail(ctx, "unknown",
            new HuddleException(ErrorCode.METHOD_NOT_ALLOWED, ctx.request().method() + " is not allowed here")));
        router.errorHandler(413, ctx -> responder.fail(ctx, "unknown",
            new HuddleException(ErrorCode.PAYLOAD_TOO_LARGE, "the body is larger than " + MAX_BODY + " bytes")));
    }

    /**
     * Routes that stream their request or response body (file uploads and downloads), mounted before
     * the JSON body handler so nothing buffers or limits their bodies; they answer and log by
     * themselves.
     */
    protected void streamingRoutes(Router router) {
    }

    /** The server's options: {@link HttpServers#options} unless a service needs otherwise. */
    protected HttpServerOptions serverOptions(HttpServerOptions defaults) {
        return defaults;
    }

    /** Adds what is not a route (a WebSocket handler) before the server listens. */
    protected void configure(HttpServer server) {
    }

    @Override
    public Future<?> stop() {
        return server.shutdown(runtime.config().shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A route for a verified caller: the bearer token is checked, then {@code operation} runs and its
     * result (or refusal) is answered and logged as {@code action}.
     */
    protected void route(HttpMethod method, String path, String action, int status,
                         BiFunction<Principal, RoutingContext, Future<?>> operation) {
        router.route(method, path).handler(auth.forAction(action)).handler(ctx ->
            responder.reply(ctx, action, status, Future.succeededFuture(ctx)
                .compose(c -> operation.apply(ApiResponder.principal(c), c))));
    }

    /** A route open to anonymous callers (register, login). */
    protected void publicRoute(HttpMethod method, String path, String action, int status,
                               Function<RoutingContext, Future<?>> operation) {
        router.route(method, path).handler(ctx ->
            responder.reply(ctx, action, status, Future.succeededFuture(ctx).compose(c -> operation.apply(c).map(r -> (Object) r))));
    }
}
