package dev.huddle.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.auth.token.IssuedToken;
import dev.huddle.server.db.Database;
import dev.huddle.server.testing.MutableClock;
import dev.huddle.server.token.TrustUpdate;
import dev.huddle.server.token.TrustUpdate.Revoked;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenLedgerTest {

    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.atFixedInstant();
    Database database;
    TokenLedger ledger;

    @BeforeEach
    void open() {
        database = Database.open(dir, "auth-service");
        ledger = new TokenLedger(database, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void eachChangeFollowsThePreviousRevision() {
        TrustUpdate first = ledger.revoke(List.of(revoked("a")));
        TrustUpdate keys = ledger.keysChanged(Map.of());
        TrustUpdate second = ledger.revoke(List.of(revoked("b"), revoked("c")));

        assertThat(List.of(first.from(), first.revision())).containsExactly(0L, 1L);
        assertThat(List.of(keys.from(), keys.revision())).containsExactly(1L, 2L);
        assertThat(List.of(second.from(), second.revision())).containsExactly(2L, 4L);
        assertThat(ledger.revision()).isEqualTo(4);
    }

    @Test
    void revokingATokenTwiceChangesNothingTheSecondTime() {
        ledger.revoke(List.of(revoked("a")));
        TrustUpdate again = ledger.revoke(List.of(revoked("a")));

        assertThat(again.revoked()).isEmpty();
        assertThat(again.from()).isEqualTo(again.revision());
    }

    @Test
    void aSyncGetsWhatChangedSinceItsRevisionOrEverythingWhenItsRevisionIsUnknownHere() {
        ledger.revoke(List.of(revoked("a")));
        ledger.revoke(List.of(revoked("b")));

        assertThat(ids(ledger.since(1, Map.of()))).containsExactly("b");
        assertThat(ledger.since(1, Map.of()).from()).isEqualTo(1);
        assertThat(ids(ledger.since(TrustUpdate.SNAPSHOT, Map.of()))).containsExactly("a", "b");
        TrustUpdate unknown = ledger.since(99, Map.of());
        assertThat(unknown.from()).isEqualTo(TrustUpdate.SNAPSHOT);
        assertThat(ids(unknown)).containsExactly("a", "b");
    }

    @Test
    void aRoleChangeRevokesOnlyThatUsersLiveTokensNotYetRevoked() {
        ledger.issued(issued("u7-live"), 7);
        ledger.issued(issued("u7-logged-out"), 7);
        ledger.issued(issued("u8-live"), 8);
        ledger.issued(new IssuedToken("x", "u7-expired", clock.instant().minusSeconds(60), clock.instant().minusSeconds(1)), 7);
        ledger.revoke(List.of(revoked("u7-logged-out")));

        assertThat(ids(ledger.revokeAllOf(7))).containsExactly("u7-live");
    }

    @Test
    void revocationsOfLongExpiredTokensAreForgotten() {
        ledger.revoke(List.of(new Revoked("old", clock.instant().plusSeconds(1))));
        clock.advance(Duration.ofHours(1));
        ledger.revoke(List.of(revoked("new")));

        assertThat(ids(ledger.since(TrustUpdate.SNAPSHOT, Map.of()))).containsExactly("new");
        assertThat(ledger.revision()).isEqualTo(2);
    }

    private Revoked revoked(String id) {
        return new Revoked(id, clock.instant().plus(Duration.ofHours(1)));
    }

    private IssuedToken issued(String id) {
        return new IssuedToken("x", id, clock.instant(), clock.instant().plus(Duration.ofHours(1)));
    }

    private static List<String> ids(TrustUpdate update) {
        return update.revoked().stream().map(Revoked::tokenId).toList();
    }

}
