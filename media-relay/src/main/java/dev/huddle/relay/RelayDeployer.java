package dev.huddle.relay;

import dev.huddle.relay.control.RelayHttpVerticle;
import dev.huddle.relay.control.RelayVerticle;
import dev.huddle.server.runtime.ServiceRuntime;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys media-relay: finds its own address or its published port if compose scaled it, then the
 * data path with its control on the bus, then /health and /metrics.
 */
public final class RelayDeployer {

    private static final Logger LOG = LoggerFactory.getLogger(RelayDeployer.class);

    private RelayDeployer() {
    }

    public static Future<?> deploy(ServiceRuntime runtime, RelayConfig config) {
        if (config.advertiseOwnAddress()) {
            return runtime.blocking(OwnAddress::find).compose(address -> address
                .map(host -> {
                    LOG.info("advertising this relay's own address {}", host);
                    return deployWith(runtime, config.advertising(host, 0));
                })
                .orElseGet(() -> Future.failedFuture(new IllegalStateException(
                    "HUDDLE_RELAY_ADVERTISE_OWN_ADDRESS: no IPv4 interface address to advertise"))));
        }
        if (config.publishedPorts() == null) {
            return deployWith(runtime, config);
        }
        RelayConfig.PortRange range = config.publishedPorts();
        if (range.first() == range.last()) {
            // one published port (one replica): nothing to discover
            return deployWith(runtime, config.advertising(range.first()));
        }
        return runtime.blocking(() -> PortDiscovery.discover(runtime.config().httpHost(), config.udpPort(),
                config.probeHost(), range.first(), range.last()))
            .compose(found -> {
                if (found.isEmpty()) {
                    return Future.failedFuture(new IllegalStateException("none of the published ports "
                        + range.first() + "-" + range.last() + " on " + config.probeHost()
                        + " reaches this relay (HUDDLE_RELAY_PUBLISHED_PORTS, HUDDLE_RELAY_PROBE_HOST)"));
                }
                LOG.info("published port {} of {}-{} reaches this relay", found.getAsInt(), range.first(), range.last());
                return deployWith(runtime, config.advertising(found.getAsInt()));
            });
    }

    private static Future<?> deployWith(ServiceRuntime runtime, RelayConfig config) {
        RelayVerticle relay = new RelayVerticle(runtime, config);
        return runtime.vertx().deployVerticle(relay)
            .compose(id -> runtime.vertx().deployVerticle(new RelayHttpVerticle(runtime, relay.counters(),
                relay::dataPath)));
    }
}
