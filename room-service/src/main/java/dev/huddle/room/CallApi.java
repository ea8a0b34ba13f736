package dev.huddle.room;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.room.call.CallPlacement;
import dev.huddle.room.call.RelayRegistry;
import dev.huddle.room.call.TicketSigner;
import dev.huddle.room.project.MembershipCache;
import dev.huddle.room.project.RoomPolicy;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.bus.BusErrors;
import dev.huddle.server.bus.media.RelayAnnouncement;
import dev.huddle.server.token.Principal;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * Calls, as room-service sees them: a member joining a room's call gets the relay hosting it and a
 * media ticket for that relay; who is in a call is asked of that relay. Shared by the HTTP API and
 * the bus operations chat-service forwards. Membership is checked from the cache, on the caller's
 * thread; signing (~0.1 ms) runs there too.
 */
public final class CallApi {

    private final MembershipCache memberships;
    private final RelayRegistry relays;
    private final CallPlacement placement;
    private final TicketSigner tickets;
    private final EventBus bus;
    private final DeliveryOptions options;

    public CallApi(MembershipCache memberships, RelayRegistry relays, CallPlacement placement, TicketSigner tickets,
                   EventBus bus, Duration busTimeout) {
        this.memberships = memberships;
        this.relays = relays;
        this.placement = placement;
        this.tickets = tickets;
        this.bus = bus;
        this.options = new DeliveryOptions().setSendTimeout(busTimeout.toMillis());
    }

    /** → {@code {projectId, relay: {id, host, port}, ticket, expiresAt}}. */
    public Future<JsonObject> join(Principal caller, long projectId) {
        return Future.succeededFuture().compose(v -> {
            requireMember(caller, projectId, RoomPolicy.Operation.JOIN_CALL);
            RelayAnnouncement relay = placement.relayFor(projectId, caller.userId()).orElseThrow(() ->
                new HuddleException(ErrorCode.UNAVAILABLE, "no media relay is running; try again shortly"));
            TicketSigner.Issued ticket = tickets.issue(caller, projectId, relay.relayId());
            return Future.succeededFuture(new JsonObject().put("projectId", projectId)
                .put("relay", new JsonObject().put("id", relay.relayId()).put("host", relay.host())
                    .put("port", relay.port()))
                .put("ticket", ticket.ticket()).put("expiresAt", ticket.expiresAt().toString()));
        });
    }

    /** → {@code {projectId, relayId, members: [{sessionId, userId, username, mic, camera, screen}]}}. */
    public Future<JsonObject> members(Principal caller, long projectId) {
        return Future.succeededFuture().compose(v -> {
            requireMember(caller, projectId, RoomPolicy.Operation.VIEW);
            return placement.current(projectId)
                .map(relay -> bus.<JsonObject>request(BusAddresses.relayMembersAddressOf(relay.relayId()),
                        new JsonObject().put("projectId", projectId), options)
                    .map(reply -> reply.body())
                    .recover(error -> Future.failedFuture(BusErrors.toRefusal(error))))
                .orElseGet(() -> Future.succeededFuture(new JsonObject().put("projectId", projectId)
                    .putNull("relayId").put("members", new JsonArray())));
        });
    }

    /** The live media relays, least loaded first (admins only). */
    public Future<JsonArray> relays(Principal caller) {
        if (!caller.isAdmin()) {
            return Future.failedFuture(new HuddleException(ErrorCode.FORBIDDEN, "only an admin may list media relays"));
        }
        return Future.succeededFuture(new JsonArray(relays.live().stream().map(RelayAnnouncement::toJson).toList()));
    }

    /** {@code {}} → {@code {keyId, publicKey}}: what relays verify tickets with. */
    public JsonObject ticketKey(JsonObject ignored) {
        return new JsonObject().put("keyId", tickets.key().kid()).put("publicKey", tickets.key().publicKeyText());
    }

    private void requireMember(Principal caller, long projectId, RoomPolicy.Operation operation) {
        if (!memberships.exists(projectId)) {
            throw new HuddleException(ErrorCode.NOT_FOUND, "no project with id " + projectId);
        }
        RoomPolicy.check(operation, memberships.roleOf(projectId, caller.userId()), caller.isAdmin());
    }
}
