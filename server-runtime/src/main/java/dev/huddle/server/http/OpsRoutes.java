package dev.huddle.server.http;

import dev.huddle.server.runtime.ServiceRuntime;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;

/**
 * {@code GET /health} and {@code GET /metrics}, the same on every service; {@code /metrics} only for
 * those {@link MetricsAccess} lets in.
 *
 * <p>Health is 200 {@code {"status":"UP",...}} only when the node is clustered, its database answers
 * and it is not shutting down; otherwise 503 with the failing check named.
 */
public final class OpsRoutes {

    private final ServiceRuntime runtime;

    private OpsRoutes(ServiceRuntime runtime) {
        this.runtime = runtime;
    }

    public static void mount(Router router, ServiceRuntime runtime, ApiResponder responder) {
        OpsRoutes routes = new OpsRoutes(runtime);
        PrometheusMeterRegistry registry = runtime.node().metrics();
        router.get("/health").handler(routes::health);
        router.get("/metrics").handler(new MetricsAccess(runtime.config().metricsToken(), responder))
            .handler(PrometheusScrapingHandler.create(registry));
    }

    private void health(RoutingContext ctx) {
        Future<Boolean> database = runtime.database() == null
            ? Future.succeededFuture(true)
            : runtime.blocking(() -> runtime.database().isHealthy());
        database.otherwise(false).onSuccess(databaseUp -> {
            boolean clustered = runtime.node().isClustered();
            boolean up = clustered && databaseUp && !runtime.isDraining();
            JsonObject checks = new JsonObject()
                .put("cluster", clustered ? "UP" : "DOWN")
                .put("database", runtime.database() == null ? "NONE" : databaseUp ? "UP" : "DOWN")
                .put("accepting", runtime.isDraining() ? "DRAINING" : "UP");
            JsonObject body = new JsonObject()
                .put("status", up ? "UP" : "DOWN")
                .put("service", runtime.config().serviceName())
                .put("node", runtime.node().nodeId())
                .put("checks", checks);
            ctx.response().setStatusCode(up ? 200 : 503)
                .putHeader("content-type", "application/json")
                .end(body.encode());
        });
    }
}
