package dev.huddle.auth.http;

import dev.huddle.auth.AuthApi;
import dev.huddle.server.bus.JsonFields;
import dev.huddle.server.http.ApiResponder;
import dev.huddle.server.http.BearerAuth;
import dev.huddle.server.http.HttpServers;
import dev.huddle.server.http.OpsRoutes;
import dev.huddle.server.runtime.ServiceRuntime;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.TimeUnit;

/** The HTTP JSON API of auth-service (documented in {@code openapi.yaml}, served at /openapi.yaml). */
public final class AuthHttpVerticle extends VerticleBase {

    private static final long MAX_BODY = 16 * 1024;

    private final ServiceRuntime runtime;
    private final AuthApi api;
    private final ApiResponder responder;
    private final BearerAuth auth;
    private HttpServer server;

    public AuthHttpVerticle(ServiceRuntime runtime, AuthApi api) {
        this.runtime = runtime;
        this.api = api;
        this.responder = new ApiResponder(runtime.actionLog());
        this.auth = new BearerAuth(runtime.tokens(), responder);
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        OpsRoutes.mount(router, runtime);
        router.get("/openapi.yaml").handler(this::openApi);
        router.route("/api/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY));
        router.post("/api/auth/register").handler(this::register);
        router.post("/api/auth/login").handler(this::login);
        router.post("/api/auth/logout").handler(auth.forAction("logout")).handler(this::logout);
        router.get("/api/auth/me").handler(auth.forAction("me")).handler(this::me);
        router.get("/api/admin/users").handler(auth.forAction("list_users")).handler(this::listUsers);
        router.put("/api/admin/users/:id/role").handler(auth.forAction("set_role")).handler(this::setRole);
        server = vertx.createHttpServer(HttpServers.options(runtime.config()));
        return server.requestHandler(router).listen();
    }

    @Override
    public Future<?> stop() {
        return server.shutdown(runtime.config().shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void register(RoutingContext ctx) {
        responder.reply(ctx, "reg", 201, Future.succeededFuture(ctx)
            .compose(c -> api.register(ApiResponder.jsonBody(c))));
    }

    private void login(RoutingContext ctx) {
        String address = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().host();
        responder.reply(ctx, "login", 200, Future.succeededFuture(ctx)
            .compose(c -> api.login(ApiResponder.jsonBody(c), address)));
    }

    private void logout(RoutingContext ctx) {
        responder.reply(ctx, "logout", 200, api.logout(BearerAuth.token(ctx)));
    }

    private void me(RoutingContext ctx) {
        responder.reply(ctx, "me", 200, api.me(ApiResponder.principal(ctx)));
    }

    private void listUsers(RoutingContext ctx) {
        responder.reply(ctx, "list_users", 200, api.listUsers(ApiResponder.principal(ctx)));
    }

    private void setRole(RoutingContext ctx) {
        responder.reply(ctx, "set_role", 200, Future.succeededFuture(ctx).compose(c ->
            api.setRole(ApiResponder.principal(c), JsonFields.pathId(c.pathParam("id"), "id"),
                ApiResponder.jsonBody(c))));
    }

    private void openApi(RoutingContext ctx) {
        ctx.response().putHeader("content-type", "application/yaml").sendFile("openapi/auth-service.yaml");
    }
}
