package dev.huddle.server.runtime;

import dev.huddle.server.actionlog.ActionLog;
import dev.huddle.server.cluster.ClusterNode;
import dev.huddle.server.config.NodeConfig;
import dev.huddle.server.db.Database;
import dev.huddle.server.token.TokenGate;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a running service hands its verticles: the clustered node, its database (if it has one),
 * its action log, the token checkpoint, the clock, and a worker pool for blocking work.
 */
public final class ServiceRuntime {

    private final NodeConfig config;
    private final ClusterNode node;
    private final Database database;
    private final ActionLog actionLog;
    private final TokenGate tokens;
    private final Clock clock;
    private final WorkerExecutor workers;
    private final AtomicBoolean draining = new AtomicBoolean();

    public ServiceRuntime(NodeConfig config, ClusterNode node, Database database, ActionLog actionLog,
                          TokenGate tokens, Clock clock) {
        this.config = config;
        this.node = node;
        this.database = database;
        this.actionLog = actionLog;
        this.tokens = tokens;
        this.clock = clock;
        this.workers = node.vertx().createSharedWorkerExecutor(config.serviceName() + "-blocking", 8);
    }

    /** Runs blocking work (JDBC, hashing, file I/O) on the service's worker pool. */
    public <T> Future<T> blocking(Callable<T> work) {
        return workers.executeBlocking(work, false);
    }

    public NodeConfig config() {
        return config;
    }

    public ClusterNode node() {
        return node;
    }

    public Vertx vertx() {
        return node.vertx();
    }

    /** The service's database, or {@code null} for a service without one. */
    public Database database() {
        return database;
    }

    public ActionLog actionLog() {
        return actionLog;
    }

    public TokenGate tokens() {
        return tokens;
    }

    public Clock clock() {
        return clock;
    }

    /** True once SIGTERM arrived: health turns DOWN so balancers stop sending work. */
    public boolean isDraining() {
        return draining.get();
    }

    void startDraining() {
        draining.set(true);
    }

    void closeWorkers() {
        workers.close();
    }
}
