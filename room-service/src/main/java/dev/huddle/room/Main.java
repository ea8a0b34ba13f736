package dev.huddle.room;

import dev.huddle.server.runtime.ServiceLauncher;

/** Starts room-service: projects (meeting rooms), ownership and membership. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run(RoomConfig.SERVICE.name(), RoomConfig.SERVICE.defaultHttpPort(), RoomConfig::read,
            RoomDeployer::deploy);
    }
}
