package dev.huddle.relay;

import dev.huddle.relay.control.RelayHttpVerticle;
import dev.huddle.relay.control.RelayVerticle;
import dev.huddle.server.runtime.ServiceRuntime;
import io.vertx.core.Future;

/** Deploys media-relay: the data path with its control on the bus first, then /health and /metrics. */
public final class RelayDeployer {

    private RelayDeployer() {
    }

    public static Future<?> deploy(ServiceRuntime runtime, RelayConfig config) {
        RelayVerticle relay = new RelayVerticle(runtime, config);
        return runtime.vertx().deployVerticle(relay)
            .compose(id -> runtime.vertx().deployVerticle(new RelayHttpVerticle(runtime, relay.counters(),
                relay::dataPath)));
    }
}
