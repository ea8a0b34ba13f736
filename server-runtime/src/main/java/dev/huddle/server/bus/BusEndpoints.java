package dev.huddle.server.bus;

import dev.huddle.contracts.HuddleException;
import dev.huddle.server.actionlog.ActionLog;
import dev.huddle.server.token.Principal;
import dev.huddle.server.token.TokenGate;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A service's consumers on the event bus, registered the same way everywhere: operations (user
 * requests forwarded by another service, answered and written to the action log like HTTP ones),
 * queries (internal look-ups on hot paths, answered without logging) and plain subscriptions.
 */
public final class BusEndpoints {

    private final EventBus bus;
    private final ActionLog actionLog;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();

    public BusEndpoints(EventBus bus, ActionLog actionLog) {
        this.bus = bus;
        this.actionLog = actionLog;
    }

    /**
     * A user operation: {@code operation} answers the JSON body; the pair is logged as {@code action}
     * for the user {@code userOf} names (null: anonymous).
     */
    public void operation(String address, String action, Function<JsonObject, String> userOf,
                          Function<JsonObject, Future<?>> operation) {
        consumers.add(bus.<JsonObject>consumer(address, message -> {
            JsonObject body = message.body() == null ? new JsonObject() : message.body();
            answer(message, action, userOf.apply(body), "bus " + address + " " + body.encode(),
                Future.succeededFuture(body).compose(operation::apply));
        }));
    }

    private void answer(Message<JsonObject> message, String action, String user, String request, Future<?> outcome) {
        outcome.onComplete(
            reply -> {
                message.reply(reply);
                actionLog.record(action, user, request, "OK " + encode(reply));
            },
            error -> {
                HuddleException refusal = BusErrors.toRefusal(error);
                BusErrors.fail(message, refusal);
                actionLog.record(action, user, request, "ERR " + refusal.code().name() + " " + refusal.getMessage());
            });
    }

    /**
     * A user operation forwarded for a user: the body carries the user's own {@code token}, verified
     * here by this node's gate (so a forwarding service cannot act for anyone whose token it does not
     * hold), and the pair is logged as {@code action} for that user.
     */
    public void operationForUser(String address, String action, TokenGate tokens,
                                 BiFunction<Principal, JsonObject, Future<?>> operation) {
        consumers.add(bus.<JsonObject>consumer(address, message -> {
            JsonObject body = message.body() == null ? new JsonObject() : message.body();
            String request = "bus " + address + " " + body.encode();
            String token = body.getValue("token") instanceof String t ? t : null;
            tokens.verify(token).onComplete(
                caller -> answer(message, action, caller.username(), request,
                    Future.succeededFuture(body).compose(b -> operation.apply(caller, b))),
                refused -> answer(message, action, null, request, Future.failedFuture(refused)));
        }));
    }

    /** An internal look-up answered on the spot; refusals travel back with their code. */
    public void query(String address, Function<JsonObject, Object> lookup) {
        consumers.add(bus.<JsonObject>consumer(address, message -> {
            try {
                message.reply(lookup.apply(message.body() == null ? new JsonObject() : message.body()));
            } catch (RuntimeException e) {
                BusErrors.fail(message, e);
            }
        }));
    }

    /** An internal look-up that takes a while (a database read); not logged, refusals travel back with their code. */
    public void asyncQuery(String address, Function<JsonObject, Future<?>> lookup) {
        consumers.add(bus.<JsonObject>consumer(address, message ->
            Future.succeededFuture(message.body() == null ? new JsonObject() : message.body())
                .compose(lookup::apply)
                .onComplete(message::reply, error -> BusErrors.fail(message, error))));
    }

    public void subscribe(String address, Handler<Message<JsonObject>> handler) {
        consumers.add(bus.consumer(address, handler));
    }

    /** Completes once every consumer is registered cluster-wide. */
    public Future<?> ready() {
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    }

    private static String encode(Object reply) {
        return switch (reply) {
            case JsonObject json -> json.encode();
            case JsonArray array -> array.encode();
            case null -> "";
            default -> String.valueOf(reply);
        };
    }
}
