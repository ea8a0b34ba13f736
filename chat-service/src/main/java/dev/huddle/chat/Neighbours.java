package dev.huddle.chat;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.bus.BusErrors;
import dev.huddle.server.token.Principal;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * What chat-service asks of auth-service and room-service over the event bus. chat-service holds no
 * user or project data of its own; a neighbour that does not answer in time is UNAVAILABLE.
 */
public final class Neighbours {

    private final EventBus bus;
    private final DeliveryOptions options;

    public Neighbours(EventBus bus, Duration timeout) {
        this.bus = bus;
        this.options = new DeliveryOptions().setSendTimeout(timeout.toMillis());
    }

    /** A request whose answer is any JSON value; refusals come back as {@link HuddleException}. */
    public Future<Object> request(String address, JsonObject body) {
        return bus.request(address, body, options)
            .map(reply -> reply.body())
            .recover(error -> Future.failedFuture(BusErrors.toRefusal(error)));
    }

    public Future<JsonObject> requestObject(String address, JsonObject body) {
        return request(address, body).map(JsonObject.class::cast);
    }

    /**
     * A room operation for a user ({@code huddle.room.op.<action>}), carrying the user's own token
     * as proof: room-service verifies it rather than believing a caller named by another service.
     */
    public Future<Object> roomOperation(String action, String token, JsonObject body) {
        return forUser(BusAddresses.ROOM_OP_PREFIX + action, token, body);
    }

    /** A request made for a user, carrying the user's own token, which the receiver verifies. */
    public Future<Object> forUser(String address, String token, JsonObject body) {
        return request(address, body.copy().put("token", token));
    }

    /** Refuses unless the user is a member of the project (NOT_FOUND for a project that does not exist). */
    public Future<Void> requireMember(Principal caller, long projectId) {
        return requestObject(BusAddresses.ROOM_MEMBERSHIP,
                new JsonObject().put("projectId", projectId).put("userId", caller.userId()))
            .compose(answer -> {
                if (!answer.getBoolean("exists", false)) {
                    return Future.failedFuture(new HuddleException(ErrorCode.NOT_FOUND, "no project with id " + projectId));
                }
                if (!answer.getBoolean("member", false)) {
                    return Future.failedFuture(new HuddleException(ErrorCode.NOT_MEMBER,
                        "you are not a member of project " + projectId));
                }
                return Future.succeededFuture();
            });
    }

    /** {@code {id, username, role}} of a user by name (case-insensitive), or UNKNOWN_USER. */
    public Future<JsonObject> user(String username) {
        return requestObject(BusAddresses.AUTH_USERS_GET, new JsonObject().put("username", username));
    }
}
