package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.chat.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line protocol end to end: auth-service, room-service and two chat-service instances as real
 * clustered nodes, driven over raw TCP sockets exactly as {@code nc} would.
 */
class ChatEndToEndTest {

    @TempDir
    static Path root;
    static ChatCluster cluster;
    static final AtomicInteger names = new AtomicInteger();

    @BeforeAll
    static void start() {
        cluster = ChatCluster.start(root, Map.of());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void seed004SessionVerbatimOverARawSocket() {
        try (LineClient nc = LineClient.connect(cluster.linePortA)) {
            assertThat(nc.send("reg quang violet-anchor-93-drum")).startsWith("OK reg {").contains("\"username\":\"quang\"");
            nc.send("reg minh violet-anchor-93-drum");
            nc.send("reg lan violet-anchor-93-drum");
            String login = nc.send("login quang violet-anchor-93-drum");
            assertThat(login).startsWith("OK login {");
            String token = new JsonObject(login.substring("OK login ".length())).getString("token");
            String created = nc.send("new_project " + token + " Đồ án mạng máy tính");
            assertThat(created).startsWith("OK new_project {").contains("Đồ án mạng máy tính");
            long id = new JsonObject(created.substring("OK new_project ".length()))
                .getJsonObject("project").getLong("id");
            String added = nc.send("add_group " + token + " " + id + " [minh, lan]");
            assertThat(added).startsWith("OK add_group {").contains("\"minh\"", "\"added\"");
            String chat = nc.send("chat " + token + " " + id + " Xin chào cả nhóm");
            assertThat(chat).startsWith("OK chat {").contains("Xin chào cả nhóm", "\"username\":\"quang\"");
            assertThat(nc.send("logout " + token)).startsWith("OK logout");
            assertThat(nc.send("chat " + token + " " + id + " still there?")).startsWith("ERR chat INVALID_TOKEN ");
        }
    }

    @Test
    void usersOnDifferentInstancesSeeEachOthersMessagesInOrder() {
        String alice = user();
        String bob = user();
        try (LineClient a = LineClient.connect(cluster.linePortA); LineClient b = LineClient.connect(cluster.linePortB)) {
            String ta = a.ok("login " + alice + " violet-anchor-93-drum").getString("token");
            String tb = b.ok("login " + bob + " violet-anchor-93-drum").getString("token");
            long id = project(a, ta, bob);
            a.ok("join " + ta + " " + id);
            b.ok("join " + tb + " " + id);
            List<Long> acknowledged = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                acknowledged.add(a.ok("chat " + ta + " " + id + " from a " + i).getLong("id"));
                acknowledged.add(b.ok("chat " + tb + " " + id + " from b " + i).getLong("id"));
            }
            for (LineClient client : List.of(a, b)) {
                List<String> seenFromA = new ArrayList<>();
                List<String> seenFromB = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    JsonObject message = client.awaitEvent(e -> e.type().equals("chat")).json();
                    (message.getString("username").equals(alice) ? seenFromA : seenFromB).add(message.getString("text"));
                }
                assertThat(seenFromA).containsExactly("from a 0", "from a 1", "from a 2", "from a 3", "from a 4");
                assertThat(seenFromB).containsExactly("from b 0", "from b 1", "from b 2", "from b 3", "from b 4");
            }
            try (LineClient later = LineClient.connect(cluster.linePortB)) {
                String token = later.ok("login " + bob + " violet-anchor-93-drum").getString("token");
                JsonArray history = later.ok("history " + token + " " + id).getJsonArray("messages");
                assertThat(history.stream().map(m -> ((JsonObject) m).getLong("id")).toList())
                    .isEqualTo(acknowledged);
            }
        }
    }

    @Test
    void directMessageReachesALiveRecipientAnywhereAndWaitsForAnOfflineOne() {
        String alice = user();
        String bob = user();
        String carol = user();
        try (LineClient a = LineClient.connect(cluster.linePortA); LineClient b = LineClient.connect(cluster.linePortB)) {
            String ta = a.ok("login " + alice + " violet-anchor-93-drum").getString("token");
            b.ok("login " + bob + " violet-anchor-93-drum");
            a.ok("dm " + ta + " " + bob + " psst, bob");
            assertThat(b.awaitEvent(e -> e.type().equals("dm")).json().getString("text")).isEqualTo("psst, bob");

            a.ok("dm " + ta + " " + carol + " for when you are back");
        }
        try (LineClient c = LineClient.connect(cluster.linePortB)) {
            String tc = c.ok("login " + carol + " violet-anchor-93-drum").getString("token");
            JsonArray history = c.ok("dm_history " + tc + " " + alice).getJsonArray("messages");
            assertThat(history).hasSize(1);
            assertThat(history.getJsonObject(0).getString("text")).isEqualTo("for when you are back");
            assertThat(c.send("dm " + tc + " nobody_by_that_name hi")).startsWith("ERR dm UNKNOWN_USER ");
            // carol never wrote: her one conversation is listed from the message she received, on the other node
            JsonArray threads = c.ok("dm_threads " + tc).getJsonArray("threads");
            assertThat(threads).hasSize(1);
            assertThat(threads.getJsonObject(0).getJsonObject("with").getString("username")).isEqualTo(alice);
            assertThat(threads.getJsonObject(0).getJsonObject("last").getString("text")).isEqualTo("for when you are back");
        }
    }

    @Test
    void kickedMemberStopsReceivingTheRoomAtOnce() {
        String alice = user();
        String bob = user();
        try (LineClient a = LineClient.connect(cluster.linePortA); LineClient b = LineClient.connect(cluster.linePortB)) {
            String ta = a.ok("login " + alice + " violet-anchor-93-drum").getString("token");
            String tb = b.ok("login " + bob + " violet-anchor-93-drum").getString("token");
            long kickedRoom = project(a, ta, bob);
            long otherRoom = project(a, ta, bob);
            b.ok("join " + tb + " " + kickedRoom);
            b.ok("join " + tb + " " + otherRoom);

            a.ok("kick " + ta + " " + kickedRoom + " " + bob);
            b.awaitEvent(e -> e.type().equals("member_removed"));
            a.ok("chat " + ta + " " + kickedRoom + " bob must not see this");
            a.ok("chat " + ta + " " + otherRoom + " marker");
            Reply.Event marker = b.awaitEvent(e -> e.type().equals("chat"));
            assertThat(marker.json().getString("text")).isEqualTo("marker");
            assertThat(b.send("chat " + tb + " " + kickedRoom + " let me in")).startsWith("ERR chat NOT_MEMBER ");
        }
    }

    @Test
    void aCallInviteReachesEveryoneWithTheRoomOpenOnAnyInstanceAndOutsidersMayNotSendOne() {
        String alice = user();
        String bob = user();
        String zed = user();
        try (LineClient a = LineClient.connect(cluster.linePortA); LineClient b = LineClient.connect(cluster.linePortB);
             LineClient z = LineClient.connect(cluster.linePortB)) {
            String ta = a.ok("login " + alice + " violet-anchor-93-drum").getString("token");
            String tb = b.ok("login " + bob + " violet-anchor-93-drum").getString("token");
            String tz = z.ok("login " + zed + " violet-anchor-93-drum").getString("token");
            long id = project(a, ta, bob);
            b.ok("join " + tb + " " + id);

            JsonObject sent = a.ok("call_invite " + ta + " " + id);
            JsonObject heard = b.awaitEvent(e -> e.type().equals("call_invite")).json();

            assertThat(heard).isEqualTo(sent);
            assertThat(heard.getLong("projectId")).isEqualTo(id);
            assertThat(heard.getJsonObject("from").getString("username")).isEqualTo(alice);
            assertThat(z.send("call_invite " + tz + " " + id)).startsWith("ERR call_invite NOT_MEMBER ");
        }
    }

    @Test
    void outsiderIsRefusedEverythingAboutTheRoom() {
        String alice = user();
        String zed = user();
        try (LineClient a = LineClient.connect(cluster.linePortA); LineClient z = LineClient.connect(cluster.linePortB)) {
            String ta = a.ok("login " + alice + " violet-anchor-93-drum").getString("token");
            String tz = z.ok("login " + zed + " violet-anchor-93-drum").getString("token");
            long id = project(a, ta, "");
            assertThat(z.send("chat " + tz + " " + id + " hello?")).startsWith("ERR chat NOT_MEMBER ");
            assertThat(z.send("join " + tz + " " + id)).startsWith("ERR join NOT_MEMBER ");
            assertThat(z.send("history " + tz + " " + id)).startsWith("ERR history NOT_MEMBER ");
            assertThat(z.send("add_group " + tz + " " + id + " " + zed)).startsWith("ERR add_group NOT_MEMBER ");
            assertThat(z.send("chat " + tz + " 999999 hello?")).startsWith("ERR chat NOT_FOUND ");
        }
    }

    @Test
    void badInputIsAnsweredAndTheConnectionStays() {
        try (LineClient c = LineClient.connect(cluster.linePortA)) {
            assertThat(c.send("dance")).startsWith("ERR dance UNKNOWN_COMMAND ");
            assertThat(c.send("chat")).startsWith("ERR chat BAD_REQUEST ");
            assertThat(c.send("chat sometoken abc hi")).startsWith("ERR chat BAD_REQUEST ");
            assertThat(c.sendRaw(new byte[] {'h', 'e', (byte) 0xC3, (byte) 0x28, '\n'}, 1).getFirst())
                .startsWith("ERR - BAD_REQUEST ");
            assertThat(c.sendRawLine("chat x 1 " + "y".repeat(20_000) + "\n")).startsWith("ERR - PAYLOAD_TOO_LARGE ");
            assertThat(c.send("help")).startsWith("OK help {");
        }
    }

    @Test
    void aConnectionOverItsCommandRateIsToldToSlowDownAndKeptOpen() {
        try (LineClient c = LineClient.connect(cluster.linePortB)) {
            List<String> replies = c.sendRaw("help\n".repeat(80).getBytes(StandardCharsets.UTF_8), 80);
            assertThat(replies).anyMatch(r -> r.startsWith("ERR help RATE_LIMITED "));
            assertThat(replies.getFirst()).startsWith("OK help");
            assertThat(c.closedByServer()).isFalse();
        }
    }

    @Test
    void aHundredAndFiftySimultaneousConnectionsAreServed() {
        List<LineClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 150; i++) {
                clients.add(LineClient.connect(i % 2 == 0 ? cluster.linePortA : cluster.linePortB));
            }
            for (LineClient client : clients) {
                assertThat(client.send("help")).startsWith("OK help");
            }
        } finally {
            clients.forEach(LineClient::close);
        }
    }

    /** Registers a fresh user (violet-anchor-93-drum) and returns the name. */
    static String user() {
        String name = "u" + names.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 100_000, 36);
        try (LineClient c = LineClient.connect(cluster.linePortA)) {
            c.ok("reg " + name + " violet-anchor-93-drum");
        }
        return name;
    }

    static long project(LineClient client, String token, String members) {
        long id = client.ok("new_project " + token + " room " + names.incrementAndGet())
            .getJsonObject("project").getLong("id");
        if (!members.isEmpty()) {
            client.ok("add_group " + token + " " + id + " " + members);
        }
        return id;
    }
}
