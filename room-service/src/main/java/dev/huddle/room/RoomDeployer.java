package dev.huddle.room;

import dev.huddle.room.bus.RoomBusVerticle;
import dev.huddle.room.call.CallPlacement;
import dev.huddle.room.call.RelayRegistry;
import dev.huddle.room.call.TicketSigner;
import dev.huddle.room.http.RoomHttpVerticle;
import dev.huddle.room.project.MembershipCache;
import dev.huddle.room.project.ProjectRepository;
import dev.huddle.room.project.ProjectService;
import dev.huddle.server.runtime.ServiceRuntime;
import dev.huddle.server.token.SigningKey;
import io.vertx.core.Future;

/**
 * Builds room-service's parts, fills the membership cache from SQLite, loads (or makes) the media
 * ticket key, deploys the verticles.
 */
public final class RoomDeployer {

    private RoomDeployer() {
    }

    public static Future<?> deploy(ServiceRuntime runtime, RoomConfig config) {
        ProjectRepository repository = new ProjectRepository(runtime.database());
        MembershipCache cache = new MembershipCache();
        return runtime.blocking(() -> {
            cache.load(repository);
            return SigningKey.loadOrCreate(runtime.config().dataDir(), SigningKey.MEDIA_TICKET_KEY_FILE);
        }).compose(ticketKey -> {
            ProjectService projects = new ProjectService(repository, cache, runtime.clock());
            RoomApi api = new RoomApi(runtime, projects, cache,
                new UserDirectory(runtime.vertx().eventBus(), config.authTimeout()));
            RelayRegistry relays = new RelayRegistry(runtime.clock(), config.relayTimeout());
            CallApi calls = new CallApi(cache, relays, new CallPlacement(relays, runtime.clock(), config.ticketTtl()),
                new TicketSigner(ticketKey, runtime.clock(), config.ticketTtl()), runtime.vertx().eventBus(),
                config.authTimeout());
            // the bus side first: membership queries must answer before clients can reach the API
            return runtime.vertx().deployVerticle(new RoomBusVerticle(runtime, api, calls, relays))
                .compose(id -> runtime.vertx().deployVerticle(new RoomHttpVerticle(runtime, api, calls)));
        });
    }
}
