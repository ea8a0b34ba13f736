package dev.huddle.room.http;

import dev.huddle.room.RoomApi;
import dev.huddle.server.bus.JsonFields;
import dev.huddle.server.http.ApiResponder;
import dev.huddle.server.http.BearerAuth;
import dev.huddle.server.http.HttpServers;
import dev.huddle.server.http.OpsRoutes;
import dev.huddle.server.runtime.ServiceRuntime;
import dev.huddle.server.token.Principal;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/** The HTTP JSON API of room-service (documented in {@code openapi/room-service.yaml}). */
public final class RoomHttpVerticle extends VerticleBase {

    private static final long MAX_BODY = 64 * 1024;

    private final ServiceRuntime runtime;
    private final RoomApi api;
    private final ApiResponder responder;
    private final BearerAuth auth;
    private HttpServer server;

    public RoomHttpVerticle(ServiceRuntime runtime, RoomApi api) {
        this.runtime = runtime;
        this.api = api;
        this.responder = new ApiResponder(runtime.actionLog());
        this.auth = new BearerAuth(runtime.tokens(), responder);
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        OpsRoutes.mount(router, runtime);
        router.get("/openapi.yaml").handler(ctx -> ctx.response()
            .putHeader("content-type", "application/yaml").sendFile("openapi/room-service.yaml"));
        router.route("/api/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY));
        route(router, HttpMethod.POST, "/api/projects", "new_project", 201,
            (caller, ctx) -> api.create(caller, ApiResponder.jsonBody(ctx)));
        route(router, HttpMethod.GET, "/api/projects", "projects", 200, (caller, ctx) -> api.listMine(caller));
        route(router, HttpMethod.GET, "/api/projects/:id", "project", 200,
            (caller, ctx) -> api.details(caller, projectId(ctx)));
        route(router, HttpMethod.PATCH, "/api/projects/:id", "rename_project", 200,
            (caller, ctx) -> api.rename(caller, projectId(ctx), ApiResponder.jsonBody(ctx)));
        route(router, HttpMethod.DELETE, "/api/projects/:id", "delete_project", 200,
            (caller, ctx) -> api.delete(caller, projectId(ctx)));
        route(router, HttpMethod.POST, "/api/projects/:id/members", "add_group", 200,
            (caller, ctx) -> api.addMembers(caller, projectId(ctx), ApiResponder.jsonBody(ctx)));
        route(router, HttpMethod.DELETE, "/api/projects/:id/members/:username", "kick", 200,
            (caller, ctx) -> api.kick(caller, projectId(ctx), ctx.pathParam("username")));
        route(router, HttpMethod.POST, "/api/projects/:id/leave", "leave", 200,
            (caller, ctx) -> api.leave(caller, projectId(ctx)));
        route(router, HttpMethod.PUT, "/api/projects/:id/owner", "set_owner", 200,
            (caller, ctx) -> api.transferOwnership(caller, projectId(ctx), ApiResponder.jsonBody(ctx)));
        route(router, HttpMethod.GET, "/api/admin/projects", "all_projects", 200,
            (caller, ctx) -> api.listAll(caller));
        server = vertx.createHttpServer(HttpServers.options(runtime.config()));
        return server.requestHandler(router).listen();
    }

    @Override
    public Future<?> stop() {
        return server.shutdown(runtime.config().shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** An authenticated route: token checked, then the operation, answered and logged as {@code action}. */
    private void route(Router router, HttpMethod method, String path, String action, int status,
                       BiFunction<Principal, RoutingContext, Future<?>> operation) {
        router.route(method, path).handler(auth.forAction(action)).handler(ctx ->
            responder.reply(ctx, action, status, Future.succeededFuture(ctx)
                .compose(c -> operation.apply(ApiResponder.principal(c), c))));
    }

    private static long projectId(RoutingContext ctx) {
        return JsonFields.pathId(ctx.pathParam("id"), "project id");
    }
}
