package dev.huddle.auth.bus;

import dev.huddle.auth.AuthApi;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.bus.BusEndpoints;
import dev.huddle.server.bus.JsonFields;
import dev.huddle.server.runtime.ServiceRuntime;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * auth-service on the event bus: what other services ask (verify a token, resolve usernames, look
 * up a user), the account operations the line protocol forwards (register, login, logout), each
 * written to the action log like an HTTP one, and the trust sync every node's token gate makes.
 */
public final class AuthBusVerticle extends VerticleBase {

    private final ServiceRuntime runtime;
    private final AuthApi api;

    public AuthBusVerticle(ServiceRuntime runtime, AuthApi api) {
        this.runtime = runtime;
        this.api = api;
    }

    @Override
    public Future<?> start() {
        BusEndpoints endpoints = new BusEndpoints(vertx.eventBus(), runtime.actionLog());
        endpoints.operation(BusAddresses.AUTH_REGISTER, "reg", body -> null,
            body -> api.register(body, JsonFields.text(body, "address")));
        endpoints.operation(BusAddresses.AUTH_LOGIN, "login", body -> null,
            body -> api.login(body, JsonFields.text(body, "address")));
        endpoints.operation(BusAddresses.AUTH_PASSWORD, "passwd", body -> null, body -> api.withToken(body,
            caller -> api.changePassword(caller, body, JsonFields.text(body, "address"))));
        endpoints.operation(BusAddresses.AUTH_TOTP_ENROL, "totp_enrol", body -> null,
            body -> api.withToken(body, api::totpEnrol));
        endpoints.operation(BusAddresses.AUTH_TOTP_CONFIRM, "totp_confirm", body -> null,
            body -> api.withToken(body, caller -> api.totpConfirm(caller, body)));
        endpoints.operation(BusAddresses.AUTH_TOTP_DISABLE, "totp_disable", body -> null, body -> api.withToken(body,
            caller -> api.totpDisable(caller, body, JsonFields.text(body, "address"))));
        endpoints.operation(BusAddresses.AUTH_LOGOUT, "logout", body -> null,
            body -> api.logout(JsonFields.text(body, "token")));
        endpoints.operation(BusAddresses.AUTH_VERIFY, "verify", body -> null, api::verify);
        endpoints.operation(BusAddresses.AUTH_USERS_RESOLVE, "resolve_users", body -> null, api::resolve);
        endpoints.operation(BusAddresses.AUTH_USERS_GET, "get_user", body -> null, api::user);
        endpoints.asyncQuery(BusAddresses.AUTH_TRUST_SYNC, api::trustSince);
        return endpoints.ready();
    }
}
