package dev.huddle.client;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a Huddle server is, as a person types it on the login page:
 * <pre>
 * host                      auth-service on 8081, room-service on 8082, chat-service on 8083
 * host:PORT                 auth on PORT, rooms on PORT+1, chat on PORT+2 (the default layout, moved)
 * host:AUTH,ROOM,CHAT       each service's HTTP port
 * </pre>
 * {@code host} may be a name, an IPv4 address or a bracketed IPv6 address.
 */
public record ServerAddress(String host, int authPort, int roomPort, int chatPort) {

    public static final int DEFAULT_AUTH_PORT = 8081;

    public ServerAddress {
        Objects.requireNonNull(host, "host");
        for (int port : new int[] {authPort, roomPort, chatPort}) {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("ports are 1 to 65535");
            }
        }
    }

    /**
     * Reads the forms above.
     *
     * @throws IllegalArgumentException with a message for people when the text is none of them
     */
    public static ServerAddress parse(String text) {
        String trimmed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("http://")) {
            trimmed = trimmed.substring("http://".length());
        }
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("enter the server's address, e.g. localhost");
        }
        int colon = trimmed.startsWith("[") ? trimmed.indexOf(':', trimmed.indexOf(']')) : trimmed.lastIndexOf(':');
        if (colon < 0) {
            return at(trimmed, DEFAULT_AUTH_PORT);
        }
        String host = trimmed.substring(0, colon);
        String ports = trimmed.substring(colon + 1);
        if (host.isEmpty() || host.contains(" ")) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a server address");
        }
        String[] parts = ports.split(",", -1);
        if (parts.length == 1) {
            return at(host, port(parts[0]));
        }
        if (parts.length == 3) {
            return new ServerAddress(host, port(parts[0]), port(parts[1]), port(parts[2]));
        }
        throw new IllegalArgumentException("ports are one number, or three (auth,room,chat)");
    }

    /** The default layout starting at {@code authPort}. */
    public static ServerAddress at(String host, int authPort) {
        return new ServerAddress(host, authPort, authPort + 1, authPort + 2);
    }

    /** The text {@link #parse} reads back into this address, as short as it can be. */
    public String text() {
        if (authPort == DEFAULT_AUTH_PORT && roomPort == authPort + 1 && chatPort == authPort + 2) {
            return host;
        }
        if (roomPort == authPort + 1 && chatPort == authPort + 2) {
            return host + ":" + authPort;
        }
        return host + ":" + authPort + "," + roomPort + "," + chatPort;
    }

    /** The host as a socket wants it: without IPv6 brackets. */
    public String socketHost() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("'" + text.strip() + "' is not a port (1 to 65535)");
    }
}
