package dev.huddle.auth.bus;

import dev.huddle.auth.AuthApi;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.bus.BusErrors;
import dev.huddle.server.bus.JsonFields;
import dev.huddle.server.runtime.ServiceRuntime;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/**
 * auth-service on the event bus: what other services ask (verify a token, resolve usernames, look
 * up a user) and the account operations the line protocol forwards (register, login, logout).
 * Every request and answer is written to the action log like an HTTP one.
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
        List<MessageConsumer<JsonObject>> consumers = List.of(
            consume(BusAddresses.AUTH_REGISTER, "reg", api::register),
            consume(BusAddresses.AUTH_LOGIN, "login", body -> api.login(body, JsonFields.text(body, "address"))),
            consume(BusAddresses.AUTH_LOGOUT, "logout", body -> api.logout(JsonFields.text(body, "token"))),
            consume(BusAddresses.AUTH_VERIFY, "verify", api::verify),
            consume(BusAddresses.AUTH_USERS_RESOLVE, "resolve_users", api::resolve),
            consume(BusAddresses.AUTH_USERS_GET, "get_user", api::user));
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    }

    private MessageConsumer<JsonObject> consume(String address, String action,
                                                Function<JsonObject, Future<JsonObject>> operation) {
        return vertx.eventBus().consumer(address, message -> handle(message, action, operation));
    }

    private void handle(Message<JsonObject> message, String action, Function<JsonObject, Future<JsonObject>> operation) {
        String request = "bus " + message.address() + " " + (message.body() == null ? "{}" : message.body().encode());
        Future.succeededFuture(message.body())
            .compose(operation::apply)
            .onComplete(
                reply -> {
                    message.reply(reply);
                    runtime.actionLog().record(action, null, request, "OK " + reply.encode());
                },
                error -> {
                    var refusal = BusErrors.toRefusal(error);
                    BusErrors.fail(message, refusal);
                    runtime.actionLog().record(action, null, request,
                        "ERR " + refusal.code().name() + " " + refusal.getMessage());
                });
    }
}
