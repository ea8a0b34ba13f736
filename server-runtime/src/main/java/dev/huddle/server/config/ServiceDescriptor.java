package dev.huddle.server.config;

import java.util.ArrayList;
import java.util.List;

/**
 * What a service is from the outside: its name, the ports it publishes and every environment
 * variable it reads. The compose-file test and docs/CONFIGURATION.md are checked against these.
 *
 * @param name           module, image, compose service and log/database name
 * @param httpPort       the HTTP port setting (serves /health and /metrics)
 * @param otherPorts     further published ports (line protocol TCP, media UDP), each with its protocol
 * @param ownSettings    settings specific to this service
 */
public record ServiceDescriptor(String name, Setting<Integer> httpPort, List<PublishedPort> otherPorts,
                                List<Setting<?>> ownSettings) {

    /** A published port other than HTTP. */
    public record PublishedPort(Setting<Integer> setting, String protocol) {
    }

    public static ServiceDescriptor of(String name, int defaultHttpPort, List<Setting<?>> ownSettings) {
        return new ServiceDescriptor(name, NodeConfig.httpPort(defaultHttpPort), List.of(), ownSettings);
    }

    public ServiceDescriptor withPort(Setting<Integer> setting, String protocol) {
        List<PublishedPort> ports = new ArrayList<>(otherPorts);
        ports.add(new PublishedPort(setting, protocol));
        return new ServiceDescriptor(name, httpPort, List.copyOf(ports), ownSettings);
    }

    public int defaultHttpPort() {
        return Integer.parseInt(httpPort.defaultValue());
    }

    /** Every variable the service reads: the common node settings, its HTTP port, its own. */
    public List<Setting<?>> allSettings() {
        List<Setting<?>> all = new ArrayList<>(NodeConfig.SETTINGS);
        all.add(httpPort);
        otherPorts.forEach(p -> all.add(p.setting()));
        all.addAll(ownSettings);
        return List.copyOf(all);
    }
}
