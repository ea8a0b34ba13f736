package dev.huddle.chat.testing;

import dev.huddle.chat.ChatConfig;
import dev.huddle.chat.ChatDeployer;
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
 * A real chat-service, alone in a test cluster of its own (free HTTP and line ports, temp data and
 * log), for tests of its front doors; neighbours it needs are deployed by the test next to it.
 *
 * @param service  the running service
 * @param httpPort its HTTP (and WebSocket) port
 * @param linePort its line-protocol TCP port
 * @param logDir   root of its action log
 */
public record StandaloneChat(RunningService service, int httpPort, int linePort, Path logDir) {

    /** Starts chat-service with the test defaults plus {@code settings} (any chat or node variable). */
    public static StandaloneChat start(Path root, Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(new TestNodes(root).env("chat-service", 0));
        int httpPort = TestNodes.freePort();
        int linePort = TestNodes.freePort();
        env.put("HUDDLE_HTTP_PORT", Integer.toString(httpPort));
        env.put("HUDDLE_CHAT_LINE_PORT", Integer.toString(linePort));
        env.putAll(settings);
        NodeConfig node = NodeConfig.read("chat-service", httpPort, Env.of(env));
        RunningService service = ServiceLauncher.start(node, ChatConfig.read(Env.of(env)), ChatDeployer::deploy,
            Clock.systemUTC()).await();
        return new StandaloneChat(service, httpPort, linePort, node.logDir());
    }

    public void stop() {
        service.stop().await();
    }
}
