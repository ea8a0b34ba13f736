package dev.huddle.system;

import dev.huddle.auth.AuthConfig;
import dev.huddle.auth.AuthDeployer;
import dev.huddle.chat.ChatConfig;
import dev.huddle.chat.ChatDeployer;
import dev.huddle.relay.RelayConfig;
import dev.huddle.relay.RelayDeployer;
import dev.huddle.room.RoomConfig;
import dev.huddle.room.RoomDeployer;
import dev.huddle.server.config.Env;
import dev.huddle.server.config.NodeConfig;
import dev.huddle.server.runtime.RunningService;
import dev.huddle.server.runtime.ServiceLauncher;
import dev.huddle.server.testing.TestNodes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * auth-service, room-service, chat-service and a media relay as real clustered nodes on 127.0.0.1:
 * members join calls through room-service (HTTP or the line protocol) and send media over real UDP.
 * The relay runs on the clock the test gives it, so a test can make a ticket expire. Public, in this
 * module's test-jar, for the desktop client's call tests.
 */
public final class CallCluster implements AutoCloseable {

    /** How fast relays announce themselves and how soon a silent one is forgotten, in tests. */
    static final Map<String, String> FAST_REGISTRY = Map.of("HUDDLE_RELAY_HEARTBEAT", "200ms",
        "HUDDLE_ROOM_RELAY_TIMEOUT", "1s");

    public final TestNodes nodes;
    public final RunningService auth;
    public final RunningService rooms;
    public final RunningService chat;
    public final int linePort;
    public final RunningService relay;
    public final int relayUdpPort;

    private CallCluster(TestNodes nodes, RunningService auth, RunningService rooms, RunningService chat, int linePort,
                        RunningService relay, int relayUdpPort) {
        this.nodes = nodes;
        this.auth = auth;
        this.rooms = rooms;
        this.chat = chat;
        this.linePort = linePort;
        this.relay = relay;
        this.relayUdpPort = relayUdpPort;
    }

    public static CallCluster start(Path root, Clock relayClock) {
        TestNodes nodes = new TestNodes(root);
        RunningService auth = ChatCluster.started(ServiceLauncher.start(nodes.node("auth-service", 0),
            AuthConfig.read(Env.of(Map.of())), AuthDeployer::deploy, Clock.systemUTC()));
        RunningService rooms = ChatCluster.started(ServiceLauncher.start(nodes.node("room-service", 1),
            RoomConfig.read(Env.of(FAST_REGISTRY)), RoomDeployer::deploy, Clock.systemUTC()));
        int linePort = TestNodes.freePort();
        Map<String, String> chatEnv = withHttpPort(nodes.env("chat-service", 2));
        chatEnv.put("HUDDLE_CHAT_LINE_PORT", Integer.toString(linePort));
        chatEnv.put("HUDDLE_CHAT_COMMANDS_PER_SECOND", "1000");
        RunningService chat = ChatCluster.started(ServiceLauncher.start(
            NodeConfig.read("chat-service", 8083, Env.of(chatEnv)), ChatConfig.read(Env.of(chatEnv)),
            ChatDeployer::deploy, Clock.systemUTC()));
        Map<String, String> relayEnv = relayEnv(nodes, 3, "relay-e2e");
        RunningService relay = ChatCluster.started(ServiceLauncher.start(
            NodeConfig.read("media-relay", 8084, Env.of(relayEnv)), RelayConfig.read(Env.of(relayEnv)),
            RelayDeployer::deploy, relayClock));
        return new CallCluster(nodes, auth, rooms, chat, linePort, relay,
            Integer.parseInt(relayEnv.get("HUDDLE_RELAY_UDP_PORT")));
    }

    /** The environment of a relay process or node: its own ports, a fixed id, fast heartbeats. */
    static Map<String, String> relayEnv(TestNodes nodes, int index, String relayId) {
        Map<String, String> env = withHttpPort(nodes.env("media-relay", index));
        env.put("HUDDLE_RELAY_UDP_PORT", Integer.toString(TestNodes.freePort()));
        env.put("HUDDLE_RELAY_ID", relayId);
        env.putAll(FAST_REGISTRY);
        return env;
    }

    public static int httpPort(RunningService service) {
        return service.runtime().config().httpPort();
    }

    private static Map<String, String> withHttpPort(Map<String, String> env) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put("HUDDLE_HTTP_PORT", Integer.toString(TestNodes.freePort()));
        return copy;
    }

    @Override
    public void close() {
        relay.stop().await();
        chat.stop().await();
        rooms.stop().await();
        auth.stop().await();
    }
}
