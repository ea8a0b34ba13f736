package dev.huddle.server.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.testing.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The token gate against a stand-in for auth-service's side of the protocol (a sync consumer that
 * answers what the test says auth-service holds, and pushes to the node's own address), on one
 * clock the test moves. No Hazelcast: the bus is local.
 */
@ExtendWith(VertxExtension.class)
class TokenGateTest {

    private static final Duration SKEW = Duration.ofSeconds(5);
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final String NODE = "node-under-test";
    private static final Duration KEY_REFRESH_COOLDOWN = Duration.ofSeconds(10);

    private final MutableClock clock = MutableClock.atFixedInstant();
    private final TestTokens tokens = new TestTokens();
    private final AtomicInteger syncs = new AtomicInteger();
    private final List<TrustUpdate.Revoked> authRevoked = new ArrayList<>();
    private Map<String, PublicKey> authKeys;
    private long authRevision;
    private boolean authReachable = true;
    private Vertx vertx;
    private MessageConsumer<JsonObject> auth;
    private TokenGate gate;

    @BeforeEach
    void start(Vertx vertx) {
        this.vertx = vertx;
        authKeys = Map.of(tokens.kid, tokens.keyPair.getPublic());
        auth = vertx.eventBus().consumer(BusAddresses.AUTH_TRUST_SYNC, message -> {
            syncs.incrementAndGet();
            if (!authReachable) {
                message.fail(503, "UNAVAILABLE unreachable");
                return;
            }
            message.reply(new TrustUpdate(TrustUpdate.SNAPSHOT, authRevision, authKeys, authRevoked).toJson());
        });
        auth.completion().await();
        gate = TokenGate.start(vertx, NODE, clock, SKEW, LEASE, KEY_REFRESH_COOLDOWN).await();
    }

    @AfterEach
    void stop() {
        auth.unregister().await();
    }

    @Test
    void aTokenVerifiesWithTheKeysTheSyncBrought() {
        String token = tokens.sign(TestTokens.claims(clock.instant()));
        assertThat(gate.verify(token).await().userId()).isEqualTo(42);
    }

    @Test
    void aPushedRevocationIsRefusedAtOnceAndConfirmed() {
        var claims = TestTokens.claims(clock.instant());
        String token = tokens.sign(claims);
        gate.verify(token).await();

        JsonObject confirmed = push(new TrustUpdate(gate.revision(), gate.revision() + 1, null,
            List.of(new TrustUpdate.Revoked((String) claims.get("jti"), clock.instant().plus(TestTokens.TTL)))));

        assertThat(confirmed.getLong("revision")).isEqualTo(gate.revision());
        assertRefused(token, ErrorCode.INVALID_TOKEN);
    }

    @Test
    void aNodeThatMissedARevocationCatchesUpOnceItsLeaseRunsOutBeforeTrustingTheCachedToken() {
        var claims = TestTokens.claims(clock.instant());
        String token = tokens.sign(claims);
        gate.verify(token).await();
        // auth-service revokes; the push never reaches this node
        authRevoked.add(new TrustUpdate.Revoked((String) claims.get("jti"), clock.instant().plus(TestTokens.TTL)));
        authRevision++;
        int before = syncs.get();

        clock.advance(LEASE);

        assertRefused(token, ErrorCode.INVALID_TOKEN);
        assertThat(syncs.get()).isGreaterThan(before);
    }

    @Test
    void pastItsLeaseWithAuthServiceUnreachableTheNodeRefusesEvenACachedToken() {
        String token = tokens.sign(TestTokens.claims(clock.instant()));
        gate.verify(token).await();
        authReachable = false;

        clock.advance(LEASE);

        assertRefused(token, ErrorCode.UNAVAILABLE);
        authReachable = true;
        assertThat(gate.verify(token).await().userId()).isEqualTo(42);
    }

    @Test
    void aPushThatRevealsAMissedRevisionMakesTheNodeSync() {
        var claims = TestTokens.claims(clock.instant());
        String token = tokens.sign(claims);
        gate.verify(token).await();
        long at = gate.revision();
        authRevoked.add(new TrustUpdate.Revoked((String) claims.get("jti"), clock.instant().plus(TestTokens.TTL)));
        authRevision = at + 2;
        int before = syncs.get();

        // revision at+1 was lost on the way; at+2 (an unrelated change) arrives
        push(new TrustUpdate(at + 1, at + 2, null, List.of(new TrustUpdate.Revoked("someone-else", clock.instant()))));

        dev.huddle.server.testing.Eventually.assertThat(() -> assertThat(gate.revision()).isEqualTo(at + 2));
        assertThat(syncs.get()).isGreaterThan(before);
        assertRefused(token, ErrorCode.INVALID_TOKEN);
    }

    @Test
    void aRetiredKeyStopsVerifyingItsTokensEvenCachedOnes() {
        String token = tokens.sign(TestTokens.claims(clock.instant()));
        gate.verify(token).await();
        TestTokens next = new TestTokens();

        push(new TrustUpdate(gate.revision(), gate.revision() + 1, Map.of(next.kid, next.keyPair.getPublic()),
            List.of()));

        assertRefused(token, ErrorCode.INVALID_TOKEN);
        assertThatThrownBy(() -> gate.check(token)).isInstanceOfSatisfying(InvalidTokenException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidTokenException.Reason.UNKNOWN_KEY));
        assertThat(gate.verify(next.sign(TestTokens.claims(clock.instant()))).await().userId()).isEqualTo(42);
    }

    @Test
    void aTokenSignedByAKeyWhosePushWasMissedVerifiesAfterOneSync() {
        gate.verify(tokens.sign(TestTokens.claims(clock.instant()))).await();
        TestTokens rotated = new TestTokens();
        // auth-service rotated; the push never reached this node, whose lease still runs
        authKeys = Map.of(tokens.kid, tokens.keyPair.getPublic(), rotated.kid, rotated.keyPair.getPublic());
        authRevision++;
        int before = syncs.get();

        assertThat(gate.verify(rotated.sign(TestTokens.claims(clock.instant()))).await().userId()).isEqualTo(42);
        assertThat(syncs.get()).isEqualTo(before + 1);
    }

    @Test
    void aFloodOfTokensWithMadeUpKeyIdsCostsOneSyncPerCooldownAndKeepsTheCache() {
        String good = tokens.sign(TestTokens.claims(clock.instant()));
        gate.verify(good).await();
        int cached = gate.verifierCacheSize();
        int before = syncs.get();

        for (int i = 0; i < 500; i++) {
            TestTokens stranger = new TestTokens(); // a key (and kid) nobody holds
            assertRefused(stranger.sign(TestTokens.claims(clock.instant())), ErrorCode.INVALID_TOKEN);
        }

        assertThat(syncs.get()).isEqualTo(before + 1);
        assertThat(gate.verifierCacheSize()).isEqualTo(cached);
        assertThat(gate.verify(good).await().userId()).isEqualTo(42);

        clock.advance(KEY_REFRESH_COOLDOWN);
        int afterCooldown = syncs.get();
        assertRefused(new TestTokens().sign(TestTokens.claims(clock.instant())), ErrorCode.INVALID_TOKEN);
        assertRefused(new TestTokens().sign(TestTokens.claims(clock.instant())), ErrorCode.INVALID_TOKEN);
        // one sync because the lease ran out meanwhile, one for the first unknown key; none for the second
        assertThat(syncs.get()).isEqualTo(afterCooldown + 2);
    }

    @Test
    void changeListenersHearEveryAppliedChange() {
        gate.verify(tokens.sign(TestTokens.claims(clock.instant()))).await(); // the first sync is applied
        AtomicInteger heard = new AtomicInteger();
        gate.onChange(heard::incrementAndGet);
        push(new TrustUpdate(gate.revision(), gate.revision() + 1, null,
            List.of(new TrustUpdate.Revoked("t", Instant.now()))));
        assertThat(heard.get()).isEqualTo(1);
    }

    private JsonObject push(TrustUpdate update) {
        return vertx.eventBus().<JsonObject>request(BusAddresses.trustUpdateAddressOf(NODE), update.toJson())
            .await().body();
    }

    private void assertRefused(String token, ErrorCode code) {
        assertThatThrownBy(() -> gate.verify(token).await())
            .isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
