package dev.huddle.room.bus;

import dev.huddle.room.RoomApi;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.bus.BusErrors;
import dev.huddle.server.bus.JsonFields;
import dev.huddle.server.bus.PrincipalJson;
import dev.huddle.server.runtime.ServiceRuntime;
import dev.huddle.server.token.Principal;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * room-service on the event bus: the membership queries other services make on their hot paths
 * (answered from memory, not logged: they are internal lookups, not user requests), the room
 * operations the line protocol forwards on behalf of a verified caller (logged like HTTP ones), and
 * the room events of other room-service instances.
 */
public final class RoomBusVerticle extends VerticleBase {

    private final ServiceRuntime runtime;
    private final RoomApi api;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();

    public RoomBusVerticle(ServiceRuntime runtime, RoomApi api) {
        this.runtime = runtime;
        this.api = api;
    }

    @Override
    public Future<?> start() {
        query(BusAddresses.ROOM_MEMBERSHIP, api::membership);
        query(BusAddresses.ROOM_MEMBERS, api::members);
        query(BusAddresses.ROOM_PROJECTS_OF, api::projectsOf);
        operation("new_project", api::create);
        operation("projects", (caller, body) -> api.listMine(caller));
        operation("project", (caller, body) -> api.details(caller, JsonFields.requiredId(body, "projectId")));
        operation("add_group", (caller, body) -> api.addMembers(caller, JsonFields.requiredId(body, "projectId"), body));
        operation("kick", (caller, body) -> api.kick(caller, JsonFields.requiredId(body, "projectId"),
            JsonFields.requiredText(body, "username")));
        operation("leave", (caller, body) -> api.leave(caller, JsonFields.requiredId(body, "projectId")));
        operation("set_owner", (caller, body) ->
            api.transferOwnership(caller, JsonFields.requiredId(body, "projectId"), body));
        operation("rename_project", (caller, body) -> api.rename(caller, JsonFields.requiredId(body, "projectId"), body));
        operation("delete_project", (caller, body) -> api.delete(caller, JsonFields.requiredId(body, "projectId")));
        consumers.add(vertx.eventBus().<JsonObject>consumer(BusAddresses.ROOM_EVENTS, message ->
            api.applyForeign(message.headers().get(RoomApi.ORIGIN_HEADER), message.body())));
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    }

    private void query(String address, Function<JsonObject, JsonObject> lookup) {
        consumers.add(vertx.eventBus().<JsonObject>consumer(address, message -> {
            try {
                message.reply(lookup.apply(message.body()));
            } catch (RuntimeException e) {
                BusErrors.fail(message, e);
            }
        }));
    }

    private void operation(String action, BiFunction<Principal, JsonObject, Future<?>> operation) {
        consumers.add(vertx.eventBus().<JsonObject>consumer(BusAddresses.ROOM_OP_PREFIX + action,
            message -> handle(message, action, operation)));
    }

    private void handle(Message<JsonObject> message, String action, BiFunction<Principal, JsonObject, Future<?>> operation) {
        JsonObject body = message.body() == null ? new JsonObject() : message.body();
        String request = "bus " + message.address() + " " + body.encode();
        Principal caller;
        try {
            caller = PrincipalJson.fromJson(body.getValue("caller") instanceof JsonObject c ? c : null);
        } catch (RuntimeException e) {
            refuse(message, action, null, request, e);
            return;
        }
        Future.succeededFuture(body)
            .compose(b -> operation.apply(caller, b))
            .onComplete(
                reply -> {
                    message.reply(reply);
                    runtime.actionLog().record(action, caller.username(), request, "OK " + encode(reply));
                },
                error -> refuse(message, action, caller.username(), request, error));
    }

    private void refuse(Message<JsonObject> message, String action, String user, String request, Throwable error) {
        var refusal = BusErrors.toRefusal(error);
        BusErrors.fail(message, refusal);
        runtime.actionLog().record(action, user, request, "ERR " + refusal.code().name() + " " + refusal.getMessage());
    }

    private static String encode(Object reply) {
        return reply instanceof JsonObject json ? json.encode()
            : reply instanceof JsonArray array ? array.encode() : String.valueOf(reply);
    }
}
