package dev.huddle.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether something already listens on a local TCP port. */
final class Ports {

    private Ports() {
    }

    static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException nothingThere) {
            return false;
        }
    }

    static boolean free(int port) {
        return !inUse(port);
    }
}
