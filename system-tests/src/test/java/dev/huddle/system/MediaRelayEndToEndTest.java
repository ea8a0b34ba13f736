package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.chat.Reply;
import dev.huddle.media.wire.FrameReassembler;
import dev.huddle.media.wire.JoinError;
import dev.huddle.media.wire.MediaKind;
import dev.huddle.media.wire.MediaPacket;
import dev.huddle.media.wire.PacketType;
import dev.huddle.media.wire.StatePayload;
import dev.huddle.media.wire.VideoPacketizer;
import dev.huddle.server.testing.Eventually;
import dev.huddle.server.testing.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls end to end over real UDP on 127.0.0.1: real auth-service, room-service and chat-service, and
 * a media relay, as clustered nodes. Members get tickets from room-service (HTTP and the line
 * protocol) and talk media-wire to the relay from their own sockets; the room watches the call
 * through chat-service's {@code EVENT call_*} lines.
 */
class MediaRelayEndToEndTest {

    @TempDir
    static Path root;
    static final MutableClock relayClock = new MutableClock(Instant.now());
    static CallCluster cluster;
    static Vertx vertx;
    static WebClient http;
    static LineClient nc;

    @BeforeAll
    static void start() {
        cluster = CallCluster.start(root, relayClock);
        vertx = Vertx.vertx();
        http = WebClient.create(vertx);
        nc = LineClient.connect(cluster.linePort);
    }

    @AfterAll
    static void stop() {
        nc.close();
        http.close();
        vertx.close().await();
        cluster.close();
    }

    @Test
    void threeMembersGetEachOthersPacketsNeverTheirOwnAndTheRoomSeesTheCall() {
        CallRoom room = CallRoom.create(nc, "Standup", 2);
        try (LineClient watcher = watching(room, 1);
             MediaTestClient alice = member(room, 0, true);
             MediaTestClient bob = member(room, 1, false);
             MediaTestClient carol = member(room, 2, false)) {

            byte[] a = text("from alice");
            byte[] b = text("from bob");
            byte[] c = text("from carol");
            alice.sendAudio(a);
            bob.awaitAudio(a);
            carol.awaitAudio(a);
            bob.sendAudio(b);
            alice.awaitAudio(b);
            carol.awaitAudio(b);
            carol.sendAudio(c);
            alice.awaitAudio(c);
            bob.awaitAudio(c);
            // each member's own datagram would have been queued before the next one it received
            assertThat(alice.receivedSoFar()).noneMatch(p -> Arrays.equals(MediaTestClient.payload(p), a));
            assertThat(bob.receivedSoFar()).noneMatch(p -> Arrays.equals(MediaTestClient.payload(p), b));
            alice.sendAudio(text("marker"));
            carol.awaitAudio(text("marker"));
            assertThat(carol.receivedSoFar()).noneMatch(p -> Arrays.equals(MediaTestClient.payload(p), c));

            JsonObject members = nc.ok("call_members " + room.tokens()[1] + " " + room.id());
            assertThat(members.getJsonArray("members").stream().map(m -> ((JsonObject) m).getString("username")))
                .containsExactlyInAnyOrder(room.names());

            for (String name : room.names()) {
                watcher.awaitEvent(e -> e.type().equals("call_joined")
                    && e.json().getJsonObject("member").getString("username").equals(name));
            }
            alice.send(new StatePayload(false, true, false).toPacket(alice.sessionId()));
            bob.await(p -> MediaPacket.type(p, 0) == PacketType.STATE);
            Reply.Event state = watcher.awaitEvent(e -> e.type().equals("call_state"));
            assertThat(state.json().getJsonObject("member").getString("username")).isEqualTo(room.names()[0]);
            assertThat(state.json().getJsonObject("member").getBoolean("camera")).isTrue();

            alice.send(MediaPacket.control(PacketType.LEAVE, alice.sessionId(), new byte[0]));
            Reply.Event left = watcher.awaitEvent(e -> e.type().equals("call_left"));
            assertThat(left.json().getString("reason")).isEqualTo("left");
            assertThat(left.json().getJsonObject("member").getString("username")).isEqualTo(room.names()[0]);
            // every datagram the relay read is counted once by how long it held it (service tag on every line)
            Eventually.assertThat(() -> assertThat(metric("huddle_relay_datagram_residence_total", "le_us="))
                .isPositive().isEqualTo(metric("huddle_relay_packets_in_total", "service=")));
        }
    }

    @Test
    void aCallJoinedOverTheWebSocketCarriesMediaAndItsEventsReachTheWebSockets() {
        CallRoom room = CallRoom.create(nc, "WebSocket call", 1);
        try (WsConnection aliceWs = openedOverWebSocket(room, 0);
             WsConnection bobWs = openedOverWebSocket(room, 1);
             MediaTestClient alice = memberOverWebSocket(aliceWs, room);
             MediaTestClient bob = memberOverWebSocket(bobWs, room)) {

            for (WsConnection ws : List.of(aliceWs, bobWs)) {
                assertThat(callEventsOf(ws, "call_joined", 2)).containsExactlyInAnyOrder(room.names());
            }

            alice.sendAudio(text("alice over udp"));
            bob.awaitAudio(text("alice over udp"));
            bob.sendAudio(text("bob over udp"));
            alice.awaitAudio(text("bob over udp"));
            assertThat(alice.receivedSoFar())
                .noneMatch(p -> Arrays.equals(MediaTestClient.payload(p), text("alice over udp")));

            JsonObject members = bobWs.ok(new JsonObject().put("command", "call_members").put("projectId", room.id()));
            assertThat(members.getJsonArray("members").stream().map(m -> ((JsonObject) m).getString("username")))
                .containsExactlyInAnyOrder(room.names());

            bob.send(new StatePayload(true, true, false).toPacket(bob.sessionId()));
            for (WsConnection ws : List.of(aliceWs, bobWs)) {
                JsonObject state = ws.awaitEvent("call_state").getJsonObject("member");
                assertThat(state.getString("username")).isEqualTo(room.names()[1]);
                assertThat(state.getBoolean("camera")).isTrue();
            }

            bob.send(MediaPacket.control(PacketType.LEAVE, bob.sessionId(), new byte[0]));
            for (WsConnection ws : List.of(aliceWs, bobWs)) {
                JsonObject left = ws.awaitEvent("call_left");
                assertThat(left.getString("reason")).isEqualTo("left");
                assertThat(left.getJsonObject("member").getString("username")).isEqualTo(room.names()[1]);
            }
        }
    }

    @Test
    void anOutsiderGetsNoTicket() {
        CallRoom room = CallRoom.create(nc, "Private", 1);
        String outsider = login(newName());
        assertThat(nc.send("call_join " + outsider + " " + room.id())).startsWith("ERR call_join NOT_MEMBER ");
        HttpResponse<Buffer> refused = http.post(CallCluster.httpPort(cluster.rooms), "127.0.0.1",
            "/api/projects/" + room.id() + "/call").bearerTokenAuthentication(outsider).send().await();
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("NOT_MEMBER");
    }

    @Test
    void forgedExpiredReplayedAndOtherRoomTicketsAreRefused() {
        CallRoom room = CallRoom.create(nc, "Tickets", 1);
        CallRoom other = CallRoom.create(nc, "Elsewhere", 0);
        try (MediaTestClient first = client(); MediaTestClient second = client()) {
            byte[] forged = ticket(room, 1);
            forged[forged.length - 1] ^= 1;
            assertThat(MediaTestClient.refusal(first.join(room.id(), forged))).isEqualTo(JoinError.Reason.BAD_TICKET);

            byte[] otherProject = ticket(room, 1);
            otherProject[16] ^= 1; // the project id, changed without signing again
            assertThat(MediaTestClient.refusal(first.join(room.id() ^ 1, otherProject)))
                .isEqualTo(JoinError.Reason.BAD_TICKET);

            assertThat(MediaTestClient.refusal(first.join(other.id(), ticket(room, 1))))
                .as("a ticket for one room presented for another").isEqualTo(JoinError.Reason.WRONG_ROOM);

            byte[] expiring = ticket(room, 1);
            relayClock.advance(Duration.ofHours(1));
            try {
                assertThat(MediaTestClient.refusal(first.join(room.id(), expiring))).isEqualTo(JoinError.Reason.EXPIRED);
            } finally {
                relayClock.advance(Duration.ofHours(-1));
            }

            byte[] once = ticket(room, 1);
            assertThat(MediaTestClient.refusal(first.join(room.id(), once))).isNull();
            int session = first.sessionId();
            assertThat(MediaTestClient.refusal(first.join(room.id(), once))).as("a retransmitted JOIN").isNull();
            assertThat(first.sessionId()).isEqualTo(session);
            assertThat(MediaTestClient.refusal(second.join(room.id(), once))).isEqualTo(JoinError.Reason.REPLAYED);
        }
    }

    @Test
    void packetsFromAnAddressWithoutASessionAreNeitherForwardedNorAnswered() {
        CallRoom room = CallRoom.create(nc, "Spoof", 1);
        try (MediaTestClient alice = member(room, 0, false);
             MediaTestClient bob = member(room, 1, false);
             MediaTestClient stranger = client()) {
            stranger.sendAudioAs(alice.sessionId(), text("spoofed"));
            stranger.send(MediaPacket.control(PacketType.KEEPALIVE, alice.sessionId(), new byte[0]));
            alice.sendAudio(text("genuine"));
            bob.awaitAudio(text("genuine"));
            assertThat(bob.receivedSoFar()).noneMatch(p -> Arrays.equals(MediaTestClient.payload(p), text("spoofed")));
            assertThat(stranger.receivedSoFar()).isEmpty();
            Eventually.assertThat(() -> assertThat(metric("huddle_relay_drops_total", "reason=\"not_joined\""))
                .isGreaterThanOrEqualTo(2));
        }
    }

    @Test
    void aKickedMemberIsDroppedFromTheCallAndStopsReceiving() {
        CallRoom room = CallRoom.create(nc, "Kick", 2);
        try (LineClient watcher = watching(room, 0);
             MediaTestClient alice = member(room, 0, false);
             MediaTestClient bob = member(room, 1, false);
             MediaTestClient carol = member(room, 2, false)) {
            nc.ok("kick " + room.tokens()[0] + " " + room.id() + " " + room.names()[2]);
            carol.await(p -> MediaPacket.type(p, 0) == PacketType.LEAVE);
            Reply.Event left = watcher.awaitEvent(e -> e.type().equals("call_left"));
            assertThat(left.json().getString("reason")).isEqualTo("removed");
            assertThat(left.json().getJsonObject("member").getString("username")).isEqualTo(room.names()[2]);

            alice.sendAudio(text("after the kick"));
            alice.sendAudio(text("marker"));
            bob.awaitAudio(text("marker"));
            assertThat(carol.receivedSoFar())
                .noneMatch(p -> Arrays.equals(MediaTestClient.payload(p), text("after the kick")));
            assertThat(nc.ok("call_members " + room.tokens()[0] + " " + room.id()).getJsonArray("members")).hasSize(2);
        }
    }

    @Test
    void aMemberWhoLogsOutIsDroppedFromTheCall() {
        CallRoom room = CallRoom.create(nc, "Logout", 1);
        try (MediaTestClient alice = member(room, 0, false); MediaTestClient bob = member(room, 1, false)) {
            nc.ok("logout " + room.tokens()[1]);
            bob.await(p -> MediaPacket.type(p, 0) == PacketType.LEAVE);
            assertThat(nc.ok("call_members " + room.tokens()[0] + " " + room.id()).getJsonArray("members")).hasSize(1);
        }
    }

    @Test
    void withTenPercentOfVideoChunksLostTheReceiverAssemblesOnlyCompleteFrames() {
        CallRoom room = CallRoom.create(nc, "Video", 1);
        try (MediaTestClient alice = member(room, 0, false); MediaTestClient bob = member(room, 1, false)) {
            VideoPacketizer camera = new VideoPacketizer(alice.sessionId(), 1, MediaKind.VIDEO);
            Random random = new Random(42);
            Map<Long, byte[]> complete = new HashMap<>();
            int lostChunks = 0;
            for (long frame = 0; frame < 40; frame++) {
                byte[] jpeg = new byte[2_000 + random.nextInt(6_000)];
                random.nextBytes(jpeg);
                boolean whole = true;
                for (byte[] chunk : camera.packetize(jpeg, frame * 33)) {
                    if (random.nextInt(10) == 0) {
                        whole = false;
                        lostChunks++;
                    } else {
                        alice.send(chunk);
                    }
                }
                if (whole) {
                    complete.put(frame, jpeg);
                }
            }
            byte[] last = text("the last frame");
            camera.packetize(last, 40 * 33).forEach(alice::send);
            assertThat(lostChunks).as("the test drops some chunks").isPositive();
            assertThat(complete).as("and leaves some frames whole").hasSizeBetween(5, 39);

            FrameReassembler reassembler = new FrameReassembler(1_000, 8);
            List<FrameReassembler.Frame> shown = new ArrayList<>();
            long now = 0;
            while (shown.isEmpty() || !Arrays.equals(shown.get(shown.size() - 1).data(), last)) {
                byte[] chunk = bob.await(p -> MediaPacket.type(p, 0) == PacketType.VIDEO);
                FrameReassembler.Frame frame = reassembler.offer(chunk, 0, now++);
                if (frame != null) {
                    shown.add(frame);
                }
            }
            shown.remove(shown.size() - 1);
            assertThat(shown).extracting(FrameReassembler.Frame::frameNumber)
                .containsExactlyElementsOf(complete.keySet().stream().sorted().toList());
            shown.forEach(frame -> assertThat(frame.data()).isEqualTo(complete.get(frame.frameNumber())));
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A line connection of member {@code index} that has opened the room: it sees the call's events. */
    private static LineClient watching(CallRoom room, int index) {
        LineClient watcher = LineClient.connect(cluster.linePort);
        watcher.ok("join " + room.tokens()[index] + " " + room.id());
        return watcher;
    }

    /** A WebSocket of member {@code index}, authenticated and in the room: it sees the call's events. */
    private static WsConnection openedOverWebSocket(CallRoom room, int index) {
        WsConnection ws = WsConnection.connect(vertx, CallCluster.httpPort(cluster.chat));
        ws.ok(new JsonObject().put("command", "auth").put("token", room.tokens()[index]));
        ws.ok(new JsonObject().put("command", "join").put("projectId", room.id()));
        return ws;
    }

    /** Joined to the room's call with a ticket asked for over the WebSocket (the session's token). */
    private static MediaTestClient memberOverWebSocket(WsConnection ws, CallRoom room) {
        JsonObject answer = ws.ok(new JsonObject().put("command", "call_join").put("projectId", room.id()));
        return joined(room, answer);
    }

    /** The usernames of the next {@code count} events of this type on the WebSocket. */
    private static List<String> callEventsOf(WsConnection ws, String type, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(ws.awaitEvent(type).getJsonObject("member").getString("username"));
        }
        return names;
    }

    /** Member {@code index} joined to the room's call, with a ticket over HTTP or the line protocol. */
    private static MediaTestClient member(CallRoom room, int index, boolean overHttp) {
        JsonObject answer = overHttp ? httpCallJoin(room.tokens()[index], room.id())
            : nc.ok("call_join " + room.tokens()[index] + " " + room.id());
        return joined(room, answer);
    }

    /** A UDP client joined to the relay a {@code call_join} answer names, with its ticket. */
    private static MediaTestClient joined(CallRoom room, JsonObject answer) {
        JsonObject relay = answer.getJsonObject("relay");
        assertThat(relay.getString("host")).isEqualTo("127.0.0.1");
        assertThat(relay.getInteger("port")).isEqualTo(cluster.relayUdpPort);
        MediaTestClient client = new MediaTestClient(relay.getString("host"), relay.getInteger("port"));
        // the relay may still be asking room-service for its ticket key: then the same ticket works again
        Eventually.assertThat(() -> assertThat(MediaTestClient.refusal(client.join(room.id(),
            Base64.getUrlDecoder().decode(answer.getString("ticket"))))).isNull());
        return client;
    }

    private static JsonObject httpCallJoin(String token, long projectId) {
        HttpResponse<Buffer> response = http.post(CallCluster.httpPort(cluster.rooms), "127.0.0.1",
            "/api/projects/" + projectId + "/call").bearerTokenAuthentication(token).send().await();
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject();
    }

    private static byte[] ticket(CallRoom room, int index) {
        return Base64.getUrlDecoder().decode(nc.ok("call_join " + room.tokens()[index] + " " + room.id())
            .getString("ticket"));
    }

    private static MediaTestClient client() {
        return new MediaTestClient("127.0.0.1", cluster.relayUdpPort);
    }

    private static String login(String name) {
        return CallRoom.login(nc, name);
    }

    private static String newName() {
        return CallRoom.newName();
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A counter from the relay's /metrics whose labels contain {@code label}. */
    private static double metric(String name, String label) {
        String body = http.get(CallCluster.httpPort(cluster.relay), "127.0.0.1", "/metrics").send().await()
            .bodyAsString();
        return body.lines().filter(l -> l.startsWith(name + "{") && l.contains(label))
            .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

}
