package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import dev.huddle.contracts.chat.Reply;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.testing.Eventually;
import dev.huddle.server.token.PublicKeyRing;
import dev.huddle.server.token.TokenClaims;
import dev.huddle.server.trust.ClusterCredentials;
import io.jsonwebtoken.Jwts;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of issue 11, by a process that can reach the cluster's ports but holds none of the
 * platform's credentials, against real auth-, room- and chat-services:
 * <ul>
 *   <li>knowing only the configured cluster name (guessable), it cannot even join Hazelcast, as a
 *       member or as a client;</li>
 *   <li>knowing the full cluster name too (as if the secret had leaked), it joins Hazelcast, yet no
 *       bus message reaches it or comes from it, no key it plants is trusted, no caller it names is
 *       believed, no event it publishes changes a cache, no revocation it writes counts, and what it
 *       puts in a map cannot make a real node deserialize arbitrary classes.</li>
 * </ul>
 */
class RogueNodeTest {

    private static final DeliveryOptions SHORT = new DeliveryOptions().setSendTimeout(2_000);

    @TempDir
    static Path root;
    static ChatCluster cluster;
    static List<String> members;
    static String fullClusterName;
    static String alice;
    static String mallory;
    static long malloryId;
    static long project;

    @BeforeAll
    static void start() throws Exception {
        cluster = ChatCluster.start(root, Map.of());
        members = Arrays.asList(cluster.nodes.env("rogue", 0).get("HUDDLE_CLUSTER_MEMBERS").split(","));
        fullClusterName = ClusterCredentials.load(cluster.nodes.credentialsDir(), Clock.systemUTC())
            .clusterName(cluster.nodes.clusterName());
        ClusterCredentials.ensure(root.resolve("rogue-ca"), root.resolve("rogue-ca/ca"), Clock.systemUTC());
        try (LineClient line = LineClient.connect(cluster.linePortA)) {
            line.ok("reg rogue_alice violet-anchor-93-drum");
            line.ok("reg rogue_bob violet-anchor-93-drum");
            malloryId = line.ok("reg mallory violet-anchor-93-drum").getLong("id");
            alice = line.ok("login rogue_alice violet-anchor-93-drum").getString("token");
            mallory = line.ok("login mallory violet-anchor-93-drum").getString("token");
            project = line.ok("new_project " + alice + " private plans").getJsonObject("project").getLong("id");
            line.ok("add_group " + alice + " " + project + " rogue_bob");
        }
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void knowingOnlyTheConfiguredClusterNameIsNotEnoughToJoinHazelcastAsMemberOrClient() {
        try (RogueNode rogue = RogueNode.join(cluster.nodes.clusterName(), members, root.resolve("rogue-ca"))) {
            assertThat(rogue.hazelcastMembers()).as("the rogue is alone in its own cluster").isEqualTo(1);
            // a rogue member of an earlier test may still be on its way out; this one must never be in
            Eventually.assertThat(() -> assertThat(realMembers()).isEqualTo(4));
        }
        assertThatThrownBy(() -> client(cluster.nodes.clusterName())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRogueMemberWithTheFullClusterNameNeitherReadsNorInjectsAnything() throws Exception {
        try (RogueNode rogue = RogueNode.join(fullClusterName, members, root.resolve("rogue-ca"));
             LineClient bob = LineClient.connect(cluster.linePortB);
             LineClient line = LineClient.connect(cluster.linePortA)) {
            assertThat(rogue.hazelcastMembers()).as("the rogue did join Hazelcast").isEqualTo(5);
            String bobToken = bob.ok("login rogue_bob violet-anchor-93-drum").getString("token");
            bob.ok("join " + bobToken + " " + project);

            // 1. listens to the room's feed: the room's messages reach bob, never the rogue
            ConcurrentLinkedQueue<Object> overheard = new ConcurrentLinkedQueue<>();
            MessageConsumer<Object> spy = rogue.vertx.eventBus().consumer(BusAddresses.CHAT_ROOM_PREFIX + project,
                m -> overheard.add(m.body()));
            spy.completion().await();
            line.ok("chat " + alice + " " + project + " the secret plan");
            line.ok("chat " + alice + " " + project + " and the second half");
            awaitChat(bob, "the secret plan");
            awaitChat(bob, "and the second half");

            // 2. plants a signing key of its own in the old cluster map and signs an admin token
            KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String kid = PublicKeyRing.keyIdOf(key.getPublic());
            rogue.vertx.sharedData().<String, String>getClusterWideMap("huddle.auth.keys")
                .compose(map -> map.put(kid, PublicKeyRing.encode(key.getPublic()))).await();
            String forged = forgedAdminToken(key, kid);
            assertThat(line.send("whoami " + forged)).startsWith("ERR whoami INVALID_TOKEN ");

            // 3. acts for the owner on room-service: a made-up caller, the forged token
            JsonObject asOwner = new JsonObject().put("caller", new JsonObject().put("userId", 1)
                .put("username", "rogue_alice").put("role", "admin").put("tokenId", "x")
                .put("expiresAt", "2099-01-01T00:00:00Z")).put("token", forged).put("projectId", project);
            assertFails(rogue.vertx.eventBus().request(BusAddresses.ROOM_OP_PREFIX + "add_group",
                asOwner.copy().put("members", "mallory"), SHORT));
            assertFails(rogue.vertx.eventBus().request(BusAddresses.ROOM_OP_PREFIX + "delete_project", asOwner, SHORT));

            // 4. publishes a room event that would make mallory a member in the caches
            rogue.vertx.eventBus().publish(BusAddresses.ROOM_EVENTS, new JsonObject().put("type", "member_added")
                .put("projectId", project).put("at", Instant.now().toString())
                .put("user", new JsonObject().put("id", malloryId).put("username", "mallory"))
                .put("role", "member").put("by", new JsonObject().put("id", 1).put("username", "rogue_alice")));

            // 5. revokes alice's token, through the old map and straight to a node's trust address
            rogue.vertx.sharedData().<String, Long>getClusterWideMap("huddle.auth.revoked")
                .compose(map -> map.put(tokenIdOf(alice), Instant.now().plusSeconds(3600).toEpochMilli())).await();
            assertFails(rogue.vertx.eventBus().request(
                BusAddresses.trustUpdateAddressOf(cluster.chatA.runtime().node().nodeId()),
                new JsonObject().put("from", 0).put("revision", 1_000).put("revoked", new JsonArray()
                    .add(new JsonObject().put("tokenId", tokenIdOf(alice)).put("expiresAt", 4_102_444_800_000L))),
                SHORT));

            // none of it counted
            assertThat(line.send("history " + mallory + " " + project)).startsWith("ERR history NOT_MEMBER ");
            assertThat(line.send("chat " + mallory + " " + project + " let me in")).startsWith("ERR chat NOT_MEMBER ");
            JsonObject members = line.ok("members " + alice + " " + project);
            assertThat(members.encode()).doesNotContain("mallory");
            line.ok("chat " + alice + " " + project + " still here, alice still logged in");
            awaitChat(bob, "still here, alice still logged in");
            assertThat(overheard).as("room messages the rogue received").isEmpty();
        }
    }

    @Test
    void aHazelcastClientWithTheFullClusterNameCannotPlantAKeyThatIsTrusted() throws Exception {
        HazelcastInstance client = client(fullClusterName);
        try (LineClient line = LineClient.connect(cluster.linePortB)) {
            KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String kid = PublicKeyRing.keyIdOf(key.getPublic());
            client.getMap("huddle.auth.keys").put(kid, PublicKeyRing.encode(key.getPublic()));
            assertThat(line.send("whoami " + forgedAdminToken(key, kid))).startsWith("ERR whoami INVALID_TOKEN ");
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aRealNodeRefusesToDeserializeAClassARogueMemberPutInAMap() {
        try (RogueNode rogue = RogueNode.join(fullClusterName, members, root.resolve("rogue-ca"))) {
            rogue.clusterManager.getHazelcastInstance().getMap("planted").put("gadget", new Gadget());
            HazelcastInstance real = cluster.auth.runtime().node().clusterManager().getHazelcastInstance();

            assertThatThrownBy(() -> real.getMap("planted").get("gadget")).hasRootCauseInstanceOf(SecurityException.class);
            assertThat(Gadget.DESERIALIZED).isFalse();
        }
    }

    /** Stands for a deserialization gadget: reading it would run code. */
    static final class Gadget implements Serializable {
        static final AtomicBoolean DESERIALIZED = new AtomicBoolean();

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            DESERIALIZED.set(true);
        }
    }

    private static String forgedAdminToken(KeyPair key, String kid) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return Jwts.builder().header().keyId(kid).and()
            .issuer(TokenClaims.ISSUER).audience().add(TokenClaims.AUDIENCE).and()
            .subject(Long.toString(malloryId)).claim(TokenClaims.USERNAME, "mallory").claim(TokenClaims.ROLE, "admin")
            .id(UUID.randomUUID().toString()).issuedAt(Date.from(now)).notBefore(Date.from(now))
            .expiration(Date.from(now.plusSeconds(3600)))
            .signWith(key.getPrivate(), Jwts.SIG.EdDSA).compact();
    }

    private static String tokenIdOf(String token) {
        return cluster.chatA.runtime().tokens().check(token).tokenId();
    }

    private static HazelcastInstance client(String clusterName) {
        ClientConfig config = new ClientConfig().setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().setAddresses(members);
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(3_000);
        return HazelcastClient.newHazelcastClient(config);
    }

    private static int realMembers() {
        return cluster.auth.runtime().node().clusterManager().getHazelcastInstance().getCluster().getMembers().size();
    }

    private static void awaitChat(LineClient client, String text) {
        Reply.Event event = client.awaitEvent(e -> e.type().equals("chat"));
        assertThat(event.json().getString("text")).isEqualTo(text);
    }

    private static void assertFails(Future<?> request) {
        assertThatThrownBy(request::await).as("the rogue's request must not be answered").isInstanceOf(Exception.class);
    }
}
