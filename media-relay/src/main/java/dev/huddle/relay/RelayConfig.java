package dev.huddle.relay;

import dev.huddle.relay.path.PathConfig;
import dev.huddle.relay.path.RateLimits;
import dev.huddle.server.config.ConfigException;
import dev.huddle.server.config.Env;
import dev.huddle.server.config.ServiceDescriptor;
import dev.huddle.server.config.Setting;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * media-relay's own settings (the common ones are in {@code NodeConfig}; the UDP socket binds to
 * {@code HUDDLE_HTTP_HOST}, the address of every client-facing server).
 *
 * @param udpPort        the media port
 * @param advertisedHost the host clients are told to send media to
 * @param advertisedPort the port clients are told; 0 for {@code udpPort}
 * @param publishedPorts a published port range to find the advertised port in ({@link PortDiscovery}), or null
 * @param probeHost      where the published ports are probed from inside a container
 * @param advertiseOwnAddress advertise this relay's own address ({@link OwnAddress}) and UDP port instead
 * @param relayId        this relay's id in the cluster and in its tickets
 * @param path           the data path's limits and timers
 * @param heartbeat      how often the relay announces itself to room-service
 * @param busTimeout     how long to wait for room-service (the ticket key)
 */
public record RelayConfig(int udpPort, String advertisedHost, int advertisedPort, PortRange publishedPorts,
                          String probeHost, boolean advertiseOwnAddress, String relayId, PathConfig path,
                          Duration heartbeat, Duration busTimeout) {

    /** A range of ports, both ends included. */
    public record PortRange(int first, int last) {
    }

    public static final Setting<Integer> UDP_PORT = Setting.port("HUDDLE_RELAY_UDP_PORT", 10000,
        "UDP port for media (JOIN, audio, video); bound on HUDDLE_HTTP_HOST.");
    public static final Setting<String> ADVERTISED_HOST = Setting.text("HUDDLE_RELAY_ADVERTISED_HOST", "127.0.0.1",
        "Host name or IP clients are told to send media to (the address they reach this relay at).");
    public static final Setting<Integer> ADVERTISED_PORT = Setting.portOrAny("HUDDLE_RELAY_ADVERTISED_PORT", 0,
        "UDP port clients are told; 0 means HUDDLE_RELAY_UDP_PORT (set it when a NAT or Docker maps the port).");
    public static final Setting<String> PUBLISHED_PORTS = Setting.text("HUDDLE_RELAY_PUBLISHED_PORTS", "",
        "A host port range like 10000-10009 published to this relay's UDP port by Docker (compose --scale): the "
            + "relay probes it at start to find its own port and advertises that; empty: off.");
    public static final Setting<String> PROBE_HOST = Setting.text("HUDDLE_RELAY_PROBE_HOST", "",
        "Host the published port range is probed on from inside the container (compose: host.docker.internal); "
            + "empty means HUDDLE_RELAY_ADVERTISED_HOST.");
    public static final Setting<Boolean> ADVERTISE_OWN_ADDRESS = Setting.flag("HUDDLE_RELAY_ADVERTISE_OWN_ADDRESS",
        false, "Advertise this relay's own address (its first IPv4 interface address; in a container, its address on "
            + "the compose network) and HUDDLE_RELAY_UDP_PORT, ignoring HUDDLE_RELAY_ADVERTISED_HOST/_PORT and "
            + "HUDDLE_RELAY_PUBLISHED_PORTS: for engines that cannot publish a port range per replica (podman 4); "
            + "clients need a route to that network.");
    public static final Setting<String> ID = Setting.text("HUDDLE_RELAY_ID", "",
        "This relay's id in the cluster; empty picks relay-<8 random hex digits> at each start.");
    public static final Setting<Duration> SESSION_TIMEOUT = Setting.duration("HUDDLE_RELAY_SESSION_TIMEOUT", "10s",
        "A call session that sends nothing for this long ends (call_left, reason timeout).");
    public static final Setting<Duration> KEEPALIVE = Setting.duration("HUDDLE_RELAY_KEEPALIVE", "2s",
        "How often clients are told to send KEEPALIVE when they send nothing else; below the session timeout.");
    public static final Setting<Integer> MAX_PACKETS_PER_SECOND = Setting.integer(
        "HUDDLE_RELAY_MAX_PACKETS_PER_SECOND", 3000, 10, 10_000_000,
        "Datagrams per second one session may send (burst: a quarter second's worth); beyond: dropped, counted.");
    public static final Setting<Long> MAX_BYTES_PER_SECOND = Setting.bytes("HUDDLE_RELAY_MAX_BYTES_PER_SECOND",
        3_000_000, 10_000, "Bytes per second one session may send (burst: a quarter second's worth); beyond: dropped, counted.");
    public static final Setting<Integer> MAX_JOINS_PER_SECOND = Setting.integer("HUDDLE_RELAY_MAX_JOINS_PER_SECOND",
        200, 1, 100_000, "JOINs the relay verifies per second (an Ed25519 check each); beyond: JOIN_ERR busy.");
    public static final Setting<Duration> HEARTBEAT = Setting.duration("HUDDLE_RELAY_HEARTBEAT", "1s",
        "How often the relay announces itself (address, load) to room-service over the event bus.");
    public static final Setting<Long> SOCKET_BUFFER_BYTES = Setting.bytes("HUDDLE_RELAY_SOCKET_BUFFER_BYTES",
        4_194_304, 65_536, "Kernel receive and send buffer of the UDP socket (capped by net.core.rmem_max/wmem_max).");
    public static final Setting<Duration> BUS_TIMEOUT = Setting.duration("HUDDLE_RELAY_BUS_TIMEOUT", "5s",
        "How long the relay waits for room-service when it asks for the media ticket key.");

    public static final ServiceDescriptor SERVICE = ServiceDescriptor.of("media-relay", 8084, List.of(
            ADVERTISED_HOST, ADVERTISED_PORT, PUBLISHED_PORTS, PROBE_HOST, ADVERTISE_OWN_ADDRESS, ID, SESSION_TIMEOUT, KEEPALIVE, MAX_PACKETS_PER_SECOND,
            MAX_BYTES_PER_SECOND, MAX_JOINS_PER_SECOND, HEARTBEAT, SOCKET_BUFFER_BYTES, BUS_TIMEOUT))
        .withPort(UDP_PORT, "udp");

    public static RelayConfig read(Env env) {
        int udpPort = UDP_PORT.read(env);
        String id = ID.read(env);
        String relayId = id.isEmpty() ? "relay-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) : id;
        String host = ADVERTISED_HOST.read(env);
        if (host.isBlank()) {
            throw new ConfigException("HUDDLE_RELAY_ADVERTISED_HOST: must name the address clients reach this relay at");
        }
        long socketBuffer = SOCKET_BUFFER_BYTES.read(env);
        PathConfig path;
        try {
            path = new PathConfig(relayId, new RateLimits(MAX_PACKETS_PER_SECOND.read(env), MAX_BYTES_PER_SECOND.read(env)),
                MAX_JOINS_PER_SECOND.read(env), KEEPALIVE.read(env), SESSION_TIMEOUT.read(env),
                (int) Math.min(Integer.MAX_VALUE, socketBuffer));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("HUDDLE_RELAY_SESSION_TIMEOUT must be longer than HUDDLE_RELAY_KEEPALIVE");
        }
        String probeHost = PROBE_HOST.read(env);
        boolean ownAddress = ADVERTISE_OWN_ADDRESS.read(env);
        // with its own address the relay publishes nothing it must find: compose may then publish port 0
        PortRange published = ownAddress ? null : portRange(PUBLISHED_PORTS.read(env));
        return new RelayConfig(udpPort, host, ADVERTISED_PORT.read(env), published,
            probeHost.isBlank() ? host : probeHost, ownAddress, relayId, path, HEARTBEAT.read(env),
            BUS_TIMEOUT.read(env));
    }

    private static PortRange portRange(String text) {
        if (text.isBlank()) {
            return null;
        }
        String[] ends = text.trim().split("-");
        try {
            PortRange range = new PortRange(Integer.parseInt(ends[0].trim()), Integer.parseInt(ends[ends.length - 1].trim()));
            if (ends.length <= 2 && range.first() >= 1 && range.first() <= range.last() && range.last() <= 65_535) {
                return range;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("HUDDLE_RELAY_PUBLISHED_PORTS: must be a port range like 10000-10009 (got '"
            + text + "')");
    }

    /** The port clients are told when nothing was discovered. */
    public int portForClients(int boundPort) {
        return advertisedPort == 0 ? boundPort : advertisedPort;
    }

    /** This config advertising {@code port} (found by {@link PortDiscovery}). */
    public RelayConfig advertising(int port) {
        return advertising(advertisedHost, port);
    }

    /** This config advertising {@code host} and {@code port} (0: the bound UDP port). */
    public RelayConfig advertising(String host, int port) {
        return new RelayConfig(udpPort, host, port, publishedPorts, probeHost, advertiseOwnAddress, relayId, path,
            heartbeat, busTimeout);
    }
}
