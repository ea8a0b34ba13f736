package dev.huddle.launcher;

import dev.huddle.server.config.Setting;
import java.util.List;

/**
 * What {@code ./huddle up} itself reads (docs/CONFIGURATION.md, section "./huddle"); every other
 * {@code HUDDLE_*} variable is passed on to the services.
 */
public final class LauncherSettings {

    public static final Setting<String> STATE_DIR = Setting.text("HUDDLE_STATE_DIR", "",
        "Directory of data/, log/ and run/ for ./huddle up; empty: the checkout itself.");
    public static final Setting<Integer> PORT_OFFSET = Setting.integer("HUDDLE_PORT_OFFSET", 0, 0, 50_000,
        "Added to every port ./huddle up gives the services (HTTP, line protocol, Hazelcast): a second "
            + "cluster on one machine.");
    public static final Setting<String> CLUSTER_NAME = Setting.text("HUDDLE_CLUSTER_NAME", "",
        "Cluster name for ./huddle up; empty: huddle-<your user name>, so two people on one machine get two clusters.");

    public static final Setting<Integer> RELAYS = Setting.integer("HUDDLE_RELAYS", 1, 1, 99,
        "How many media relays ./huddle up runs (also ./huddle up --relays N): relay k (2..N) is media-relay-k, "
            + "on the relay's ports plus k-1, each advertising its own.");

    public static final List<Setting<?>> ALL = List.of(STATE_DIR, PORT_OFFSET, CLUSTER_NAME, RELAYS);

    /** The service {@link #RELAYS} counts. */
    static final String RELAY_SERVICE = "media-relay";

    /** Hazelcast's first port; each local service gets the next free one. */
    static final int CLUSTER_BASE_PORT = 5701;

    private LauncherSettings() {
    }
}
