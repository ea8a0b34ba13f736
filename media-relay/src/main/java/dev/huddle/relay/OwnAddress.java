package dev.huddle.relay;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * This relay's own address on its network, for {@code HUDDLE_RELAY_ADVERTISE_OWN_ADDRESS}: in a
 * container, its address on the compose network, which the host (and any machine with a route to that
 * network) reaches directly, so that replicas need no published port each (docs/ARCHITECTURE.md,
 * "Media relays in containers").
 */
final class OwnAddress {

    private OwnAddress() {
    }

    /** The first usable address of the interfaces that are up, or empty. */
    static Optional<String> find() throws SocketException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (nic.isUp() && !nic.isLoopback()) {
                addresses.addAll(nic.inetAddresses().toList());
            }
        }
        return pick(addresses);
    }

    /** An IPv4 address that is neither loopback, link-local nor the wildcard; the first such. */
    static Optional<String> pick(List<InetAddress> addresses) {
        return addresses.stream()
            .filter(a -> a instanceof Inet4Address)
            .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
            .map(InetAddress::getHostAddress)
            .findFirst();
    }
}
