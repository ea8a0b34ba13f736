package dev.huddle.room.http;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.PATCH;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import dev.huddle.room.CallApi;
import dev.huddle.room.RoomApi;
import dev.huddle.server.bus.JsonFields;
import dev.huddle.server.http.ApiResponder;
import dev.huddle.server.http.ApiVerticle;
import dev.huddle.server.runtime.ServiceRuntime;
import io.vertx.ext.web.RoutingContext;

/** The HTTP JSON API of room-service (documented in {@code openapi/room-service.yaml}). */
public final class RoomHttpVerticle extends ApiVerticle {

    private final RoomApi api;
    private final CallApi calls;

    public RoomHttpVerticle(ServiceRuntime runtime, RoomApi api, CallApi calls) {
        super(runtime, "openapi/room-service.yaml");
        this.api = api;
        this.calls = calls;
    }

    @Override
    protected void routes() {
        route(POST, "/api/projects", "new_project", 201, (caller, ctx) -> api.create(caller, ApiResponder.jsonBody(ctx)));
        route(GET, "/api/projects", "projects", 200, (caller, ctx) -> api.listMine(caller));
        route(GET, "/api/projects/:id", "project", 200, (caller, ctx) -> api.details(caller, projectId(ctx)));
        route(PATCH, "/api/projects/:id", "rename_project", 200,
            (caller, ctx) -> api.rename(caller, projectId(ctx), ApiResponder.jsonBody(ctx)));
        route(DELETE, "/api/projects/:id", "delete_project", 200, (caller, ctx) -> api.delete(caller, projectId(ctx)));
        route(POST, "/api/projects/:id/members", "add_group", 200,
            (caller, ctx) -> api.addMembers(caller, projectId(ctx), ApiResponder.jsonBody(ctx)));
        route(DELETE, "/api/projects/:id/members/:username", "kick", 200,
            (caller, ctx) -> api.kick(caller, projectId(ctx), ctx.pathParam("username")));
        route(POST, "/api/projects/:id/leave", "leave", 200, (caller, ctx) -> api.leave(caller, projectId(ctx)));
        route(PUT, "/api/projects/:id/owner", "set_owner", 200,
            (caller, ctx) -> api.transferOwnership(caller, projectId(ctx), ApiResponder.jsonBody(ctx)));
        route(GET, "/api/admin/projects", "all_projects", 200, (caller, ctx) -> api.listAll(caller));
        route(POST, "/api/projects/:id/call", "call_join", 200, (caller, ctx) -> calls.join(caller, projectId(ctx)));
        route(GET, "/api/projects/:id/call", "call_members", 200,
            (caller, ctx) -> calls.members(caller, projectId(ctx)));
        route(GET, "/api/admin/relays", "relays", 200, (caller, ctx) -> calls.relays(caller));
    }

    private static long projectId(RoutingContext ctx) {
        return JsonFields.pathId(ctx.pathParam("id"), "project id");
    }
}
