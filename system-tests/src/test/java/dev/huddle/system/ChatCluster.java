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
 * The two chat instances share one SQLite file, as instances on one host do. Public, in this module's
 * test-jar, for the desktop client's tests.
 */
public final class ChatCluster implements AutoCloseable {

    public final TestNodes nodes;

    /** A node that has not started by then will not: fail the test class instead of hanging the build. */
    private static final Duration START_LIMIT = Duration.ofMinutes(2);

    public final RunningService auth;
    public final RunningService rooms;
    public final RunningService chatA;
    public final RunningService chatB;
    public final int linePortA;
    public final int linePortB;
    private Path sharedData;
    private Clock clock;
    private Map<String, String> chatEnv;

    private ChatCluster(TestNodes nodes, RunningService auth, RunningService rooms, RunningService chatA, int linePortA,
                        RunningService chatB, int linePortB) {
        this.nodes = nodes;
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
        return startChat(nodes, 4, sharedData, linePort, chatEnv, clock);
    }

    public static ChatCluster start(Path root, Map<String, String> chatEnv) {
        return start(root, Clock.systemUTC(), Map.of(), chatEnv);
    }

    /**
     * @param clock   every service's clock (a {@code MutableClock} lets a test move time)
     * @param envAll  settings for every node (e.g. {@code HUDDLE_TOKEN_CLOCK_SKEW}) and auth-service's own
     * @param chatEnv settings for the chat instances
     */
    public static ChatCluster start(Path root, Clock clock, Map<String, String> envAll, Map<String, String> chatEnv) {
        TestNodes nodes = new TestNodes(root);
        RunningService auth = started(ServiceLauncher.start(node(nodes, "auth-service", 0, envAll),
            AuthConfig.read(Env.of(envAll)), AuthDeployer::deploy, clock));
        RunningService rooms = started(ServiceLauncher.start(node(nodes, "room-service", 1, envAll),
            RoomConfig.read(Env.of(Map.of())), RoomDeployer::deploy, clock));
        Path sharedData = root.resolve("chat-data");
        int portA = TestNodes.freePort();
        int portB = TestNodes.freePort();
        Map<String, String> chat = new HashMap<>(envAll);
        chat.putAll(chatEnv);
        RunningService chatA = startChat(nodes, 2, sharedData, portA, chat, clock);
        RunningService chatB = startChat(nodes, 3, sharedData, portB, chat, clock);
        ChatCluster cluster = new ChatCluster(nodes, auth, rooms, chatA, portA, chatB, portB);
        cluster.sharedData = sharedData;
        cluster.chatEnv = chat;
        cluster.clock = clock;
        return cluster;
    }

    private static NodeConfig node(TestNodes nodes, String service, int index, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(nodes.env(service, index));
        env.putAll(extra);
        return NodeConfig.read(service, TestNodes.freePort(), Env.of(env));
    }

    private static RunningService startChat(TestNodes nodes, int index, Path data, int linePort,
                                            Map<String, String> chatEnv, Clock clock) {
        Map<String, String> env = new HashMap<>(nodes.env("chat-service", index));
        env.put("HUDDLE_DATA_DIR", data.toString());
        env.put("HUDDLE_HTTP_PORT", Integer.toString(TestNodes.freePort()));
        env.put("HUDDLE_CHAT_LINE_PORT", Integer.toString(linePort));
        env.putAll(chatEnv);
        NodeConfig node = NodeConfig.read("chat-service", 8083, Env.of(env));
        return started(ServiceLauncher.start(node, ChatConfig.read(Env.of(env)), ChatDeployer::deploy, clock));
    }

    /** A node's start, bounded: a start that never completes fails the test instead of wedging the build. */
    static RunningService started(Future<RunningService> starting) {
        try {
            return starting.await(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("a node did not start within " + START_LIMIT, e);
        }
    }

    public int httpPort(RunningService service) {
        return service.runtime().config().httpPort();
    }

    @Override
    public void close() {
        Future.join(chatA.stop(), chatB.stop()).await();
        Future.join(rooms.stop(), auth.stop()).await();
    }
}
