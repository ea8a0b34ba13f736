package dev.huddle.relay.control;

import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.token.PublicKeyRing;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys this relay accepts media tickets from: asked of room-service over the event bus
 * ({@link BusAddresses#ROOM_CALL_TICKET_KEY}), never read from a cluster map, which any process that
 * can reach the cluster could write. Asked at start, and again whenever a JOIN names an unknown key
 * (room-service restarted with a new data directory, or a second instance came up).
 */
final class TicketKeys {

    private static final Logger LOG = LoggerFactory.getLogger(TicketKeys.class);

    private final PublicKeyRing ring = new PublicKeyRing();
    private final AtomicBoolean wanted = new AtomicBoolean(true);
    private final EventBus bus;
    private final DeliveryOptions options;
    /** The question to room-service in flight, or null; touched on the verticle's context only. */
    private Future<Void> asking;

    TicketKeys(EventBus bus, Duration timeout) {
        this.bus = bus;
        this.options = new DeliveryOptions().setSendTimeout(timeout.toMillis());
    }

    PublicKeyRing ring() {
        return ring;
    }

    /** Marks the keys as worth asking for again; safe from any thread (the data path calls it). */
    void want() {
        wanted.set(true);
    }

    /**
     * Asks room-service if a key is wanted; a failure leaves it wanted for the next try. Called once a
     * heartbeat, which is the cool-down: however many JOINs name unknown keys meanwhile, room-service
     * is asked at most once a heartbeat, and never while the last question is unanswered.
     */
    Future<Void> refreshIfWanted() {
        if (asking != null) {
            return asking;
        }
        if (!wanted.getAndSet(false)) {
            return Future.succeededFuture();
        }
        Future<Void> request = bus.<JsonObject>request(BusAddresses.ROOM_CALL_TICKET_KEY, new JsonObject(), options)
            .map(reply -> {
                String keyId = reply.body().getString("keyId");
                ring.add(keyId, PublicKeyRing.decode(reply.body().getString("publicKey")));
                LOG.info("media ticket key {} from room-service", keyId);
                return (Void) null;
            })
            .onFailure(e -> {
                wanted.set(true);
                LOG.warn("no media ticket key from room-service yet ({}); joins wait for it", e.getMessage());
            });
        asking = request;
        request.onComplete(done -> asking = null);
        return request;
    }
}
