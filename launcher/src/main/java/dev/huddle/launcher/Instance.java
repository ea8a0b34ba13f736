package dev.huddle.launcher;

import dev.huddle.server.config.NodeConfig;
import dev.huddle.server.config.ServiceDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service process as {@code ./huddle up} runs it: its ports (the service's defaults plus the
 * offset) and its Hazelcast port on 127.0.0.1.
 *
 * @param name        the instance's name: the service's, or {@code media-relay-2} for a further relay
 * @param service     what the service is
 * @param httpPort    its HTTP port (/health, /metrics, API)
 * @param otherPorts  its further published ports by setting name, e.g. HUDDLE_CHAT_LINE_PORT=7000
 * @param clusterPort its Hazelcast port
 */
record Instance(String name, ServiceDescriptor service, int httpPort, Map<String, Integer> otherPorts, int clusterPort) {

    /** "7000/tcp 10000/udp" for the status table. */
    String otherPortsText() {
        List<String> ports = new ArrayList<>();
        for (ServiceDescriptor.PublishedPort port : service.otherPorts()) {
            ports.add(otherPorts.get(port.setting().name()) + "/" + port.protocol());
        }
        return String.join(" ", ports);
    }

    /** The variables this instance is started with, on top of the launcher's own environment. */
    Map<String, String> environment(Layout layout, String members) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(NodeConfig.CLUSTER_NAME.name(), layout.clusterName());
        env.put(NodeConfig.CLUSTER_BIND.name(), "127.0.0.1");
        env.put(NodeConfig.CLUSTER_PORT.name(), Integer.toString(clusterPort));
        env.put(NodeConfig.CLUSTER_MEMBERS.name(), members);
        env.put(service.httpPort().name(), Integer.toString(httpPort));
        otherPorts.forEach((setting, port) -> env.put(setting, Integer.toString(port)));
        env.put(NodeConfig.DATA_DIR.name(), layout.dataDir(name()).toString());
        env.put(NodeConfig.LOG_DIR.name(), layout.logDir(name()).toString());
        env.put(NodeConfig.CLUSTER_CREDENTIALS.name(), layout.credentialsDir().toString());
        return env;
    }

    /** {@code java @jvm.options -jar <jar>}: the same options the image and the tests use. */
    List<String> command(Layout layout, Path jar) {
        List<String> command = new ArrayList<>();
        if (Path.of("/usr/bin/setsid").toFile().canExecute()) {
            // its own session: Ctrl-C in the terminal reaches the supervisor, which stops services in order
            command.add("/usr/bin/setsid");
        }
        command.add(layout.java());
        command.add("@" + layout.jvmOptions());
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }
}
