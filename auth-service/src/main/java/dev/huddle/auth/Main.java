package dev.huddle.auth;

import dev.huddle.server.runtime.ServiceLauncher;

/** Starts auth-service: accounts, passwords and the tokens every other service verifies. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run(AuthConfig.SERVICE.name(), AuthConfig.SERVICE.defaultHttpPort(), AuthConfig::read,
            AuthDeployer::deploy);
    }
}
