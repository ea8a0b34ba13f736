package dev.huddle.server.testing;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.Role;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.runtime.ServiceRuntime;
import dev.huddle.server.token.PublicKeyRing;
import dev.huddle.server.token.TokenClaims;
import dev.huddle.server.token.TrustUpdate;
import io.jsonwebtoken.Jwts;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in auth-service neighbour for other services' tests: it signs real Ed25519 tokens the
 * service under test verifies (its key reaches the node's token gate through the same sync over the
 * bus as auth-service's), and answers the user look-ups auth-service answers on the bus, from users
 * the test registers.
 */
public final class FakeAuth extends VerticleBase {

    /** A user the fake knows. */
    public record User(long id, String username, Role role) {
        JsonObject toJson() {
            return new JsonObject().put("id", id).put("username", username).put("role", role.wireName());
        }
    }

    private final KeyPair keys = newKeyPair();
    private final String kid = PublicKeyRing.keyIdOf(keys.getPublic());
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Clock clock;

    public FakeAuth(Clock clock) {
        this.clock = clock;
    }

    /** Deploys the fake next to the service under test, which then trusts its signing key. */
    public static FakeAuth deployNextTo(ServiceRuntime runtime) {
        FakeAuth fake = new FakeAuth(runtime.clock());
        runtime.vertx().deployVerticle(fake).await();
        return fake;
    }

    public User addUser(long id, String username, Role role) {
        User user = new User(id, username, role);
        users.put(username.toLowerCase(Locale.ROOT), user);
        return user;
    }

    /** A valid token for {@code user}, as auth-service would issue it. */
    public String tokenFor(User user) {
        Instant now = clock.instant();
        return Jwts.builder()
            .header().keyId(kid).and()
            .issuer(TokenClaims.ISSUER).audience().add(TokenClaims.AUDIENCE).and()
            .subject(Long.toString(user.id()))
            .claim(TokenClaims.USERNAME, user.username())
            .claim(TokenClaims.ROLE, user.role().wireName())
            .id(UUID.randomUUID().toString())
            .issuedAt(Date.from(now)).notBefore(Date.from(now))
            .expiration(Date.from(now.plus(Duration.ofHours(1))))
            .signWith(keys.getPrivate(), Jwts.SIG.EdDSA)
            .compact();
    }

    @Override
    public Future<?> start() {
        return Future.all(
            vertx.eventBus().<JsonObject>consumer(BusAddresses.AUTH_USERS_RESOLVE, this::resolve).completion(),
            vertx.eventBus().<JsonObject>consumer(BusAddresses.AUTH_USERS_GET, this::get).completion(),
            vertx.eventBus().<JsonObject>consumer(BusAddresses.AUTH_TRUST_SYNC, this::sync).completion());
    }

    /** Nothing is ever revoked here: every sync is the same snapshot, this fake's key and no revocations. */
    private void sync(Message<JsonObject> message) {
        message.reply(new TrustUpdate(TrustUpdate.SNAPSHOT, 0, Map.of(kid, keys.getPublic()), List.of()).toJson());
    }

    private void resolve(Message<JsonObject> message) {
        JsonArray found = new JsonArray();
        JsonArray unknown = new JsonArray();
        for (Object name : message.body().getJsonArray("usernames", new JsonArray())) {
            User user = users.get(((String) name).trim().toLowerCase(Locale.ROOT));
            if (user == null) {
                unknown.add(name);
            } else {
                found.add(user.toJson());
            }
        }
        message.reply(new JsonObject().put("users", found).put("unknown", unknown));
    }

    private void get(Message<JsonObject> message) {
        String username = message.body().getString("username", "");
        User user = users.get(username.toLowerCase(Locale.ROOT));
        if (user == null) {
            message.fail(ErrorCode.UNKNOWN_USER.httpStatus(), "UNKNOWN_USER no user named '" + username + "'");
        } else {
            message.reply(user.toJson());
        }
    }

    private static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
