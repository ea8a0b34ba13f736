package dev.huddle.auth.http;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import dev.huddle.auth.AuthApi;
import dev.huddle.auth.account.AuthService;
import dev.huddle.server.bus.JsonFields;
import dev.huddle.server.http.ApiResponder;
import dev.huddle.server.http.ApiVerticle;
import dev.huddle.server.http.BearerAuth;
import dev.huddle.server.runtime.ServiceRuntime;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/** The HTTP JSON API of auth-service (documented in {@code openapi/auth-service.yaml}). */
public final class AuthHttpVerticle extends ApiVerticle {

    private final AuthApi api;

    public AuthHttpVerticle(ServiceRuntime runtime, AuthApi api) {
        super(runtime, "openapi/auth-service.yaml");
        this.api = api;
    }

    @Override
    protected void routes() {
        publicRoute(POST, "/api/auth/register", "reg", 201, ctx -> {
            JsonObject body = ApiResponder.jsonBody(ctx);
            JsonFields.requiredText(body, "email"); // optional only on the line protocol
            return api.register(body, address(ctx));
        });
        publicRoute(POST, "/api/auth/login", "login", 200, ctx -> api.login(ApiResponder.jsonBody(ctx), address(ctx)));
        route(POST, "/api/auth/logout", "logout", 200, (caller, ctx) -> api.logout(BearerAuth.token(ctx)));
        route(GET, "/api/auth/me", "me", 200, (caller, ctx) -> api.me(caller));
        route(POST, "/api/auth/password", "change_password", 200, (caller, ctx) ->
            api.changePassword(caller, ApiResponder.jsonBody(ctx), address(ctx)));
        route(GET, "/api/auth/totp", "totp_status", 200, (caller, ctx) -> api.totpStatus(caller));
        route(POST, "/api/auth/totp", "totp_enrol", 200, (caller, ctx) -> api.totpEnrol(caller));
        route(POST, "/api/auth/totp/confirm", "totp_confirm", 200, (caller, ctx) ->
            api.totpConfirm(caller, ApiResponder.jsonBody(ctx)));
        route(POST, "/api/auth/totp/disable", "totp_disable", 200, (caller, ctx) ->
            api.totpDisable(caller, ApiResponder.jsonBody(ctx), address(ctx)));
        route(GET, "/api/admin/users", "list_users", 200, (caller, ctx) -> api.listUsers(caller));
        route(PUT, "/api/admin/users/:id/role", "set_role", 200, (caller, ctx) -> {
            AuthService.requireAdmin(caller); // before reading the request: a non-admin learns nothing from it
            return api.setRole(caller, JsonFields.pathId(ctx.pathParam("id"), "id"), ApiResponder.jsonBody(ctx));
        });
        route(GET, "/api/admin/token-keys", "list_token_keys", 200, (caller, ctx) -> api.listKeys(caller));
        route(POST, "/api/admin/token-keys", "rotate_token_key", 200, (caller, ctx) -> api.rotateKeys(caller));
        route(DELETE, "/api/admin/token-keys/:kid", "retire_token_key", 200, (caller, ctx) ->
            api.retireKey(caller, ctx.pathParam("kid")));
    }

    private static String address(RoutingContext ctx) {
        SocketAddress from = ctx.request().remoteAddress();
        return from == null ? null : from.host();
    }
}
