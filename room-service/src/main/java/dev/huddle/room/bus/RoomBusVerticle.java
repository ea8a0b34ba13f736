package dev.huddle.room.bus;

import dev.huddle.room.CallApi;
import dev.huddle.room.RoomApi;
import dev.huddle.room.call.RelayRegistry;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.bus.BusEndpoints;
import dev.huddle.server.bus.JsonFields;
import dev.huddle.server.bus.media.RelayAnnouncement;
import dev.huddle.server.runtime.ServiceRuntime;
import dev.huddle.server.token.Principal;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.util.function.BiFunction;

/**
 * room-service on the event bus: the membership queries other services make on their hot paths
 * (answered from memory), the room operations the line protocol forwards with the caller's token
 * (verified here, logged like HTTP ones), calls (joining, who is in one, the ticket key relays ask
 * for), the room events of other room-service instances and the media relays' announcements.
 */
public final class RoomBusVerticle extends VerticleBase {

    private final ServiceRuntime runtime;
    private final RoomApi api;
    private final CallApi calls;
    private final RelayRegistry relays;
    private BusEndpoints endpoints;

    public RoomBusVerticle(ServiceRuntime runtime, RoomApi api, CallApi calls, RelayRegistry relays) {
        this.runtime = runtime;
        this.api = api;
        this.calls = calls;
        this.relays = relays;
    }

    @Override
    public Future<?> start() {
        endpoints = new BusEndpoints(vertx.eventBus(), runtime.actionLog());
        endpoints.query(BusAddresses.ROOM_MEMBERSHIP, api::membership);
        endpoints.query(BusAddresses.ROOM_MEMBERS, api::members);
        endpoints.query(BusAddresses.ROOM_PROJECTS_OF, api::projectsOf);
        operation("new_project", api::create);
        operation("projects", (caller, body) -> api.listMine(caller));
        operation("project", (caller, body) -> api.details(caller, projectId(body)));
        operation("add_group", (caller, body) -> api.addMembers(caller, projectId(body), body));
        operation("kick", (caller, body) -> api.kick(caller, projectId(body), JsonFields.requiredText(body, "username")));
        operation("leave", (caller, body) -> api.leave(caller, projectId(body)));
        operation("set_owner", (caller, body) -> api.transferOwnership(caller, projectId(body), body));
        operation("rename_project", (caller, body) -> api.rename(caller, projectId(body), body));
        operation("delete_project", (caller, body) -> api.delete(caller, projectId(body)));
        endpoints.subscribe(BusAddresses.ROOM_EVENTS, message ->
            api.applyForeign(message.headers().get(RoomApi.ORIGIN_HEADER), message.body()));
        endpoints.operationForUser(BusAddresses.ROOM_CALL_JOIN, "call_join", runtime.tokens(),
            (caller, body) -> calls.join(caller, projectId(body)));
        endpoints.operationForUser(BusAddresses.ROOM_CALL_MEMBERS, "call_members", runtime.tokens(),
            (caller, body) -> calls.members(caller, projectId(body)));
        endpoints.query(BusAddresses.ROOM_CALL_TICKET_KEY, calls::ticketKey);
        endpoints.subscribe(BusAddresses.MEDIA_RELAYS, message ->
            relays.apply(RelayAnnouncement.fromJson(message.body())));
        return endpoints.ready();
    }

    /** {@code huddle.room.op.<action>}: body {@code {token, ...}}, the caller's own token, verified here. */
    private void operation(String action, BiFunction<Principal, JsonObject, Future<?>> operation) {
        endpoints.operationForUser(BusAddresses.ROOM_OP_PREFIX + action, action, runtime.tokens(), operation);
    }

    private static long projectId(JsonObject body) {
        return JsonFields.requiredId(body, "projectId");
    }
}
