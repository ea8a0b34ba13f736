package dev.huddle.room;

import dev.huddle.room.bus.RoomBusVerticle;
import dev.huddle.room.http.RoomHttpVerticle;
import dev.huddle.room.project.MembershipCache;
import dev.huddle.room.project.ProjectRepository;
import dev.huddle.room.project.ProjectService;
import dev.huddle.server.runtime.ServiceRuntime;
import io.vertx.core.Future;

/** Builds room-service's parts, fills the membership cache from SQLite, deploys the verticles. */
public final class RoomDeployer {

    private RoomDeployer() {
    }

    public static Future<?> deploy(ServiceRuntime runtime, RoomConfig config) {
        ProjectRepository repository = new ProjectRepository(runtime.database());
        MembershipCache cache = new MembershipCache();
        return runtime.blocking(() -> {
            cache.load(repository);
            return cache;
        }).compose(loaded -> {
            ProjectService projects = new ProjectService(repository, cache, runtime.clock());
            RoomApi api = new RoomApi(runtime, projects, cache,
                new UserDirectory(runtime.vertx().eventBus(), config.authTimeout()));
            // the bus side first: membership queries must answer before clients can reach the API
            return runtime.vertx().deployVerticle(new RoomBusVerticle(runtime, api))
                .compose(id -> runtime.vertx().deployVerticle(new RoomHttpVerticle(runtime, api)));
        });
    }
}
