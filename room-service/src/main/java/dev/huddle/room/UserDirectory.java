package dev.huddle.room;

import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.bus.BusErrors;
import dev.huddle.contracts.UserRef;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Usernames → user ids, asked of auth-service over the event bus (room-service never reads the
 * users database). An unreachable auth-service is UNAVAILABLE after the configured timeout.
 */
public final class UserDirectory {

    /** Found users and the names nobody has, as auth-service answered. */
    public record Resolution(List<UserRef> found, List<String> unknown) {
    }

    private final EventBus bus;
    private final DeliveryOptions options;

    public UserDirectory(EventBus bus, Duration timeout) {
        this.bus = bus;
        this.options = new DeliveryOptions().setSendTimeout(timeout.toMillis());
    }

    public Future<Resolution> resolve(List<String> usernames) {
        if (usernames.isEmpty()) {
            return Future.succeededFuture(new Resolution(List.of(), List.of()));
        }
        JsonObject request = new JsonObject().put("usernames", new JsonArray(usernames));
        return bus.<JsonObject>request(BusAddresses.AUTH_USERS_RESOLVE, request, options)
            .recover(error -> Future.failedFuture(BusErrors.toRefusal(error)))
            .map(reply -> {
                JsonObject body = reply.body();
                List<UserRef> found = new ArrayList<>();
                for (Object item : body.getJsonArray("users", new JsonArray())) {
                    JsonObject user = (JsonObject) item;
                    found.add(new UserRef(user.getLong("id"), user.getString("username")));
                }
                List<String> unknown = new ArrayList<>();
                body.getJsonArray("unknown", new JsonArray()).forEach(name -> unknown.add((String) name));
                return new Resolution(found, unknown);
            });
    }
}
