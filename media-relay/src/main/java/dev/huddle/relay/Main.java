package dev.huddle.relay;

import dev.huddle.server.runtime.ServiceLauncher;

/** Starts media-relay: the UDP relay for voice and video. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run(RelayConfig.SERVICE.name(), RelayConfig.SERVICE.defaultHttpPort(), RelayConfig::read,
            RelayDeployer::deploy);
    }
}
