package dev.huddle.system;

import dev.huddle.auth.AuthConfig;
import dev.huddle.auth.AuthDeployer;
import dev.huddle.chat.ChatConfig;
import dev.huddle.chat.ChatDeployer;
import dev.huddle.room.RoomConfig;
import dev.huddle.room.RoomDeployer;
import dev.huddle.server.config.Env;
import dev.huddle.server.config.NodeConfig;
import dev.huddle.server.runtime.RunningService;
import dev.huddle.server.runtime.ServiceLauncher;
import dev.huddle.server.testing.TestNodes;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.HashMap;
import java.util.Map;

/**
 * auth-service, room-service and two chat-service instances as real clustered nodes on 127.0.0.1.
 * The two chat instances share one SQLite file, as instances on one host do.
 */
final class ChatCluster implements AutoCloseable {

    /** A node that has not started by then will not: fail the test class instead of hanging the build. */
    private static final Duration START_LIMIT = Duration.ofMinutes(2);

    final RunningService auth;
    final RunningService rooms;
    final RunningService chatA;
    final RunningService chatB;
    final int linePortA;
    final int linePortB;
    private TestNodes nodes;
    private Path sharedData;
    private Map<String, String> chatEnv;

    private ChatCluster(RunningService auth, RunningService rooms, RunningService chatA, int linePortA,
                        RunningService chatB, int linePortB) {
        this.auth = auth;
        this.rooms = rooms;
        this.chatA = chatA;
        this.chatB = chatB;
        this.linePortA = linePortA;
        this.linePortB = linePortB;
    }

    /**
     * A third chat-service instance on the same data directory, as a restarted one would be (the
     * caller stops it); {@code linePort} is its line port.
     */
    RunningService startAnotherChat(int linePort) {
        return startChat(nodes, 4, sharedData, linePort, chatEnv);
    }

    static ChatCluster start(Path root, Map<String, String> chatEnv) {
        TestNodes nodes = new TestNodes(root);
        RunningService auth = started(ServiceLauncher.start(nodes.node("auth-service", 0),
            AuthConfig.read(Env.of(Map.of())), AuthDeployer::deploy, Clock.systemUTC()));
        RunningService rooms = started(ServiceLauncher.start(nodes.node("room-service", 1),
            RoomConfig.read(Env.of(Map.of())), RoomDeployer::deploy, Clock.systemUTC()));
        Path sharedData = root.resolve("chat-data");
        int portA = TestNodes.freePort();
        int portB = TestNodes.freePort();
        RunningService chatA = startChat(nodes, 2, sharedData, portA, chatEnv);
        RunningService chatB = startChat(nodes, 3, sharedData, portB, chatEnv);
        ChatCluster cluster = new ChatCluster(auth, rooms, chatA, portA, chatB, portB);
        cluster.nodes = nodes;
        cluster.sharedData = sharedData;
        cluster.chatEnv = chatEnv;
        return cluster;
    }

    private static RunningService startChat(TestNodes nodes, int index, Path data, int linePort,
                                            Map<String, String> chatEnv) {
        Map<String, String> env = new HashMap<>(nodes.env("chat-service", index));
        env.put("HUDDLE_DATA_DIR", data.toString());
        env.put("HUDDLE_HTTP_PORT", Integer.toString(TestNodes.freePort()));
        env.put("HUDDLE_CHAT_LINE_PORT", Integer.toString(linePort));
        env.putAll(chatEnv);
        NodeConfig node = NodeConfig.read("chat-service", 8083, Env.of(env));
        return started(ServiceLauncher.start(node, ChatConfig.read(Env.of(env)), ChatDeployer::deploy,
            Clock.systemUTC()));
    }

    private static RunningService started(Future<RunningService> starting) {
        try {
            return starting.await(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("a node did not start within " + START_LIMIT, e);
        }
    }

    int httpPort(RunningService service) {
        return service.runtime().config().httpPort();
    }

    @Override
    public void close() {
        Future.join(chatA.stop(), chatB.stop()).await();
        Future.join(rooms.stop(), auth.stop()).await();
    }
}
