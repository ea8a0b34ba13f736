package dev.huddle.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The tables {@code ./huddle up} and {@code ./huddle status} print. */
final class StatusTable {

    /** One service in {@code ./huddle status}; pid and uptime are null when it does not run. */
    record Row(Instance instance, String state, Long pid, Duration uptime, int restarts, boolean healthy) {
    }

    private static final String STATUS_FORMAT = "%-14s %-11s %-8s %-8s %-9s %-7s %s";
    private static final String PORTS_FORMAT = "%-14s %-24s %-30s %s";

    private StatusTable() {
    }

    static List<String> status(List<Row> rows, HealthProbe health) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(STATUS_FORMAT, "SERVICE", "STATE", "PID", "UPTIME", "RESTARTS", "HEALTH", "URL")
            .stripTrailing());
        for (Row row : rows) {
            lines.add(String.format(STATUS_FORMAT, row.instance().name(), row.state(),
                row.pid() == null ? "-" : row.pid(), row.uptime() == null ? "-" : duration(row.uptime()),
                row.restarts(), row.healthy() ? "UP" : "DOWN", health.url(row.instance().httpPort())));
        }
        return lines;
    }

    /** Where the started services listen. */
    static List<String> ports(List<Instance> instances, Layout layout, HealthProbe health) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(PORTS_FORMAT, "SERVICE", "HTTP", "OTHER PORTS", "LOG").stripTrailing());
        for (Instance instance : instances) {
            String others = instance.otherPortsText();
            others = (others.isEmpty() ? "" : others + " ") + "cluster:" + instance.clusterPort();
            lines.add(String.format(PORTS_FORMAT, instance.name(), health.baseUrl(instance.httpPort()), others,
                layout.shown(layout.console(instance.name()))));
        }
        return lines;
    }

    /** 42s, 3m05s, 2h07m, 3d04h. */
    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format("%dh%02dm", s / 3600, s % 3600 / 60);
        }
        return String.format("%dd%02dh", s / 86_400, s % 86_400 / 3600);
    }
}
