package dev.huddle.chat;

import dev.huddle.server.runtime.ServiceLauncher;

/** Starts chat-service: room chat, direct messages and presence over the line protocol and WebSocket. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run(ChatConfig.SERVICE.name(), ChatConfig.SERVICE.defaultHttpPort(), ChatConfig::read,
            ChatDeployer::deploy);
    }
}
