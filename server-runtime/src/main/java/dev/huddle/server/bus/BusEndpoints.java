package dev.huddle.server.bus;

import dev.huddle.contracts.HuddleException;
import dev.huddle.server.actionlog.ActionLog;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
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
            String request = "bus " + address + " " + body.encode();
            String user = userOf.apply(body);
            Future.succeededFuture(body).compose(b -> operation.apply(b).map(r -> (Object) r)).onComplete(
                reply -> {
                    message.reply(reply);
                    actionLog.record(action, user, request, "OK " + encode(reply));
                },
                error -> {
                    HuddleException refusal = BusErrors.toRefusal(error);
                    BusErrors.fail(message, refusal);
                    actionLog.record(action, user, request, "ERR " + refusal.code().name() + " " + refusal.getMessage());
                });
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

    public void subscribe(String address, Handler<Message<JsonObject>> handler) {
        consumers.add(bus.consumer(address, handler));
    }

    /** Completes once every consumer is registered cluster-wide. */
    public Future<?> ready() {
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    }

    /** The caller's username in a forwarded operation's {@code caller} object, for the log. */
    public static String callerName(JsonObject body) {
        JsonObject caller = body.getValue("caller") instanceof JsonObject c ? c : null;
        return caller != null && caller.getValue("username") instanceof String name ? name : null;
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
