package dev.huddle.launcher;

import dev.huddle.server.config.Env;
import dev.huddle.server.config.ServiceDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * The ports of every known service, decided once when the supervisor starts, so that a service
 * started later ({@code ./huddle up chat-service}) or restarted finds itself in every member list.
 */
record Plan(List<Instance> instances) {

    /**
     * @param portFree tells whether a Hazelcast port is free; taken ones are skipped
     */
    static Plan of(List<ServiceDescriptor> services, Layout layout, Env env, IntPredicate portFree) {
        List<Instance> instances = new ArrayList<>();
        int clusterPort = LauncherSettings.CLUSTER_BASE_PORT + layout.portOffset();
        for (ServiceDescriptor service : services) {
            while (!portFree.test(clusterPort)) {
                clusterPort++;
            }
            Map<String, Integer> others = new LinkedHashMap<>();
            for (ServiceDescriptor.PublishedPort port : service.otherPorts()) {
                others.put(port.setting().name(), port.setting().read(env) + layout.portOffset());
            }
            instances.add(new Instance(service, service.defaultHttpPort() + layout.portOffset(), Map.copyOf(others),
                clusterPort++));
        }
        return new Plan(List.copyOf(instances));
    }

    /** HUDDLE_CLUSTER_MEMBERS for every instance: all of them, one by one. */
    String members() {
        return instances.stream().map(i -> "127.0.0.1:" + i.clusterPort()).collect(Collectors.joining(","));
    }

    Instance instance(String name) {
        return instances.stream().filter(i -> i.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown service '" + name + "'"));
    }

    List<String> names() {
        return instances.stream().map(Instance::name).toList();
    }
}
