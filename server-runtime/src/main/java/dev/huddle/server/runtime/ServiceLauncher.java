package dev.huddle.server.runtime;

import dev.huddle.server.actionlog.ActionLog;
import dev.huddle.server.cluster.ClusterNode;
import dev.huddle.server.config.ConfigException;
import dev.huddle.server.config.Env;
import dev.huddle.server.config.NodeConfig;
import dev.huddle.server.db.Database;
import dev.huddle.server.token.TokenGate;
import dev.huddle.server.trust.ClusterCredentials;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start and stop sequence every service shares, so each {@code Main} is a few lines:
 * validate config → open database and action log → join the cluster → token gate → deploy
 * verticles; on SIGTERM: health DOWN → undeploy (servers drain) → leave the cluster → close files.
 */
public final class ServiceLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceLauncher.class);

    private ServiceLauncher() {
    }

    /** How a service deploys its verticles once the runtime is up. */
    @FunctionalInterface
    public interface Deployer<C> extends BiFunction<ServiceRuntime, C, Future<?>> {
    }

    /**
     * Runs a service from the process environment until SIGTERM; exits 2 on bad configuration and 1
     * when start-up fails.
     */
    public static <C> void run(String serviceName, int defaultHttpPort, Function<Env, C> readConfig,
                               Deployer<C> deployer) {
        NodeConfig nodeConfig;
        C serviceConfig;
        try {
            nodeConfig = NodeConfig.read(serviceName, defaultHttpPort, Env.system());
            serviceConfig = readConfig.apply(Env.system());
            ClusterCredentials.load(nodeConfig.clusterCredentials(), Clock.systemUTC());
        } catch (ConfigException | IllegalStateException e) {
            LOG.error("{} cannot start: {}", serviceName, e.getMessage());
            System.exit(2);
            return;
        }
        try {
            RunningService service = start(nodeConfig, serviceConfig, deployer, Clock.systemUTC())
                .await(2, TimeUnit.MINUTES);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> service.stop().await(), "huddle-shutdown"));
            LOG.info("{} ready: http{}://{}:{} (node {}, cluster '{}')", serviceName,
                nodeConfig.tlsEnabled() ? "s" : "", nodeConfig.httpHost(), nodeConfig.httpPort(),
                service.runtime().node().nodeId(), nodeConfig.clusterName());
        } catch (Exception e) {
            LOG.error("{} failed to start", serviceName, e);
            System.exit(1);
        }
    }

    /** Starts a service in this JVM: what {@link #run} does, and what tests use directly. */
    public static <C> Future<RunningService> start(NodeConfig nodeConfig, C serviceConfig, Deployer<C> deployer,
                                                   Clock clock) {
        Database database;
        ActionLog actionLog;
        ClusterCredentials credentials;
        try {
            credentials = ClusterCredentials.load(nodeConfig.clusterCredentials(), clock);
            database = hasMigrations(nodeConfig.serviceName())
                ? Database.open(nodeConfig.dataDir(), nodeConfig.serviceName())
                : null;
            actionLog = ActionLog.open(nodeConfig.logDir(), clock);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return ClusterNode.start(nodeConfig, credentials)
            .compose(node -> TokenGate.start(node, nodeConfig, clock)
                .map(gate -> new ServiceRuntime(nodeConfig, node, database, actionLog, gate, clock))
                .compose(runtime -> deployer.apply(runtime, serviceConfig)
                    .map(v -> new RunningService(runtime))
                    .recover(e -> new RunningService(runtime).stop().transform(x -> Future.failedFuture(e))))
                .recover(e -> {
                    node.close();
                    return Future.failedFuture(e);
                }))
            .onFailure(e -> {
                if (database != null) {
                    database.close();
                }
                actionLog.close();
            });
    }

    private static boolean hasMigrations(String serviceName) {
        return ServiceLauncher.class.getClassLoader().getResource("db/" + serviceName) != null;
    }
}
