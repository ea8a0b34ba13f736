package dev.huddle.server.bus.media;

import dev.huddle.contracts.HuddleException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A media relay's heartbeat on {@link dev.huddle.server.bus.BusAddresses#MEDIA_RELAYS}: who it is,
 * where clients reach it, how loaded it is and which rooms' calls it hosts. A relay that stops says
 * {@code leaving}; one that dies stops announcing and is forgotten after the registry's timeout.
 * <pre>{"relayId":"relay-1f3a","host":"203.0.113.7","port":10000,"sessions":12,"rooms":[7,9],
 *  "packetsPerSecond":4100,"leaving":false,"at":"2024-10-30T09:15:02.114Z"}</pre>
 *
 * @param host advertised host (what clients are told), not necessarily the bind address
 * @param port advertised UDP port
 */
public record RelayAnnouncement(String relayId, String host, int port, int sessions, List<Long> rooms,
                                long packetsPerSecond, boolean leaving, Instant at) {

    public RelayAnnouncement {
        rooms = List.copyOf(rooms);
    }

    public JsonObject toJson() {
        return new JsonObject().put("relayId", relayId).put("host", host).put("port", port)
            .put("sessions", sessions).put("rooms", new JsonArray(new ArrayList<>(rooms)))
            .put("packetsPerSecond", packetsPerSecond).put("leaving", leaving).put("at", at.toString());
    }

    public static RelayAnnouncement fromJson(JsonObject json) {
        try {
            List<Long> rooms = new ArrayList<>();
            json.getJsonArray("rooms").forEach(id -> rooms.add(((Number) id).longValue()));
            String relayId = json.getString("relayId");
            String host = json.getString("host");
            int port = json.getInteger("port");
            if (relayId == null || relayId.isBlank() || host == null || host.isBlank() || port < 1 || port > 65_535) {
                throw new IllegalArgumentException("relay address");
            }
            return new RelayAnnouncement(relayId, host, port, json.getInteger("sessions"), rooms,
                json.getLong("packetsPerSecond"), json.getBoolean("leaving"), Instant.parse(json.getString("at")));
        } catch (RuntimeException e) {
            throw HuddleException.badRequest("malformed relay announcement");
        }
    }
}
