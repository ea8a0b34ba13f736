package dev.huddle.server.runtime;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started service; {@link #stop()} is the graceful shutdown SIGTERM triggers. */
public final class RunningService {

    private static final Logger LOG = LoggerFactory.getLogger(RunningService.class);

    private final ServiceRuntime runtime;
    private Future<Void> stopping;

    RunningService(ServiceRuntime runtime) {
        this.runtime = runtime;
    }

    public ServiceRuntime runtime() {
        return runtime;
    }

    /**
     * Turns health DOWN, undeploys every verticle (each drains its servers within the grace period),
     * leaves the cluster, then closes the database and flushes the action log. Idempotent.
     */
    public synchronized Future<Void> stop() {
        if (stopping != null) {
            return stopping;
        }
        String name = runtime.config().serviceName();
        LOG.info("{} stopping: draining in-flight requests", name);
        runtime.startDraining();
        List<Future<Void>> undeployed = new ArrayList<>();
        for (String id : runtime.vertx().deploymentIDs()) {
            undeployed.add(runtime.vertx().undeploy(id));
        }
        stopping = Future.join(undeployed)
            .transform(v -> {
                runtime.closeWorkers();
                return runtime.node().close();
            })
            .andThen(v -> {
                if (runtime.database() != null) {
                    runtime.database().close();
                }
                runtime.actionLog().close();
                LOG.info("{} stopped", name);
            })
            .mapEmpty();
        return stopping;
    }
}
