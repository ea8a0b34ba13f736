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
        int relays = LauncherSettings.RELAYS.read(env);
        for (ServiceDescriptor service : services) {
            int copies = service.name().equals(LauncherSettings.RELAY_SERVICE) ? relays : 1;
            for (int k = 1; k <= copies; k++) {
                while (!portFree.test(clusterPort)) {
                    clusterPort++;
                }
                // copy k of a service (k >= 2: only relays) is "<service>-k", on its ports plus k-1
                int shift = layout.portOffset() + k - 1;
                Map<String, Integer> others = new LinkedHashMap<>();
                for (ServiceDescriptor.PublishedPort port : service.otherPorts()) {
                    others.put(port.setting().name(), port.setting().read(env) + shift);
                }
                String name = k == 1 ? service.name() : service.name() + "-" + k;
                instances.add(new Instance(name, service, service.defaultHttpPort() + shift, Map.copyOf(others),
                    clusterPort++));
            }
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

    /** The instances that run the named services (a service with copies has several). */
    List<String> instancesOf(List<String> services) {
        return instances.stream().filter(i -> services.contains(i.service().name()) || services.contains(i.name()))
            .map(Instance::name).toList();
    }

    List<String> names() {
        return instances.stream().map(Instance::name).toList();
    }
}
