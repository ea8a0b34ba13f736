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
import java.util.HashMap;
import java.util.Map;

/**
 * auth-service, room-service and two chat-service instances as real clustered nodes on 127.0.0.1.
 * The two chat instances share one SQLite file, as instances on one host do. Public, in this module's
 * test-jar, for the desktop client's tests.
 */
public final class ChatCluster implements AutoCloseable {

    public final RunningService auth;
    public final RunningService rooms;
    public final RunningService chatA;
    public final RunningService chatB;
    public final int linePortA;
    public final int linePortB;

    private ChatCluster(RunningService auth, RunningService rooms, RunningService chatA, int linePortA,
                        RunningService chatB, int linePortB) {
        this.auth = auth;
        this.rooms = rooms;
        this.chatA = chatA;
        this.chatB = chatB;
        this.linePortA = linePortA;
        this.linePortB = linePortB;
    }

    public static ChatCluster start(Path root, Map<String, String> chatEnv) {
        TestNodes nodes = new TestNodes(root);
        RunningService auth = ServiceLauncher.start(nodes.node("auth-service", 0), AuthConfig.read(Env.of(Map.of())),
            AuthDeployer::deploy, Clock.systemUTC()).await();
        RunningService rooms = ServiceLauncher.start(nodes.node("room-service", 1), RoomConfig.read(Env.of(Map.of())),
            RoomDeployer::deploy, Clock.systemUTC()).await();
        Path sharedData = root.resolve("chat-data");
        int portA = TestNodes.freePort();
        int portB = TestNodes.freePort();
        RunningService chatA = startChat(nodes, 2, sharedData, portA, chatEnv);
        RunningService chatB = startChat(nodes, 3, sharedData, portB, chatEnv);
        return new ChatCluster(auth, rooms, chatA, portA, chatB, portB);
    }

    private static RunningService startChat(TestNodes nodes, int index, Path data, int linePort,
                                            Map<String, String> chatEnv) {
        Map<String, String> env = new HashMap<>(nodes.env("chat-service", index));
        env.put("HUDDLE_DATA_DIR", data.toString());
        env.put("HUDDLE_HTTP_PORT", Integer.toString(TestNodes.freePort()));
        env.put("HUDDLE_CHAT_LINE_PORT", Integer.toString(linePort));
        env.putAll(chatEnv);
        NodeConfig node = NodeConfig.read("chat-service", 8083, Env.of(env));
        return ServiceLauncher.start(node, ChatConfig.read(Env.of(env)), ChatDeployer::deploy, Clock.systemUTC())
            .await();
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
