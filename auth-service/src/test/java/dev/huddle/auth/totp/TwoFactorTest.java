package dev.huddle.auth.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.auth.account.TwoFactorStore;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.server.db.Database;
import dev.huddle.server.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwoFactorTest {

    private static final long ALICE = 1;
    private static final long BOB = 2;

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T03:00:10Z"));
    Database database;
    TwoFactorStore store;
    TwoFactor twoFactor;

    @BeforeEach
    void open() {
        database = Database.open(dir, "auth-service");
        store = new TwoFactorStore(database);
        twoFactor = new TwoFactor(store, SecretBox.loadOrCreate(dir), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Enrols and confirms with the current code; the authenticator's secret. */
    private byte[] turnOn(long userId) {
        TwoFactor.Enrolment enrolment = twoFactor.enrol(userId, "alice");
        byte[] secret = Base32.decode(enrolment.secret());
        assertThat(twoFactor.confirm(userId, Totp.code(secret, clock.instant()))).hasSize(10);
        return secret;
    }

    private void assertRefused(Runnable attempt, ErrorCode code) {
        assertThatThrownBy(attempt::run).isInstanceOf(HuddleException.class)
            .extracting(e -> ((HuddleException) e).code()).isEqualTo(code);
    }

    @Test
    void enrolmentGivesABase32SecretAndAnOtpauthUriForAuthenticatorApps() {
        TwoFactor.Enrolment enrolment = twoFactor.enrol(ALICE, "alice");
        assertThat(Base32.decode(enrolment.secret())).hasSize(20);
        assertThat(enrolment.otpauthUri()).isEqualTo("otpauth://totp/Huddle%3Aalice?secret=" + enrolment.secret()
            + "&issuer=Huddle&algorithm=SHA1&digits=6&period=30");
        assertThat(twoFactor.isOn(ALICE)).as("pending until confirmed").isFalse();
        twoFactor.check(ALICE, null); // a pending factor does not stop a login
    }

    @Test
    void aWrongFirstCodeLeavesTheFactorOff() {
        TwoFactor.Enrolment enrolment = twoFactor.enrol(ALICE, "alice");
        String wrong = Totp.code(Base32.decode(enrolment.secret()), clock.instant().plus(Totp.STEP.multipliedBy(5)));
        assertRefused(() -> twoFactor.confirm(ALICE, wrong), ErrorCode.INVALID_CREDENTIALS);
        assertThat(twoFactor.isOn(ALICE)).isFalse();
        assertRefused(() -> twoFactor.confirm(BOB, "123456"), ErrorCode.CONFLICT);
    }

    @Test
    void onceOnALoginNeedsACurrentCodeAndEachCodeWorksOnce() {
        byte[] secret = turnOn(ALICE);
        assertThat(twoFactor.isOn(ALICE)).isTrue();
        assertRefused(() -> twoFactor.check(ALICE, null), ErrorCode.TOTP_REQUIRED);
        assertRefused(() -> twoFactor.check(ALICE, " "), ErrorCode.TOTP_REQUIRED);
        // the confirming code's step is used up already
        assertRefused(() -> twoFactor.check(ALICE, Totp.code(secret, clock.instant())), ErrorCode.INVALID_CREDENTIALS);

        clock.advance(Totp.STEP);
        String next = Totp.code(secret, clock.instant());
        twoFactor.check(ALICE, next);
        assertRefused(() -> twoFactor.check(ALICE, next), ErrorCode.INVALID_CREDENTIALS);
        // an older code, still inside the drift window, is refused after a newer one was used
        clock.advance(Totp.STEP);
        String later = Totp.code(secret, clock.instant().plus(Totp.STEP));
        twoFactor.check(ALICE, later);
        assertRefused(() -> twoFactor.check(ALICE, Totp.code(secret, clock.instant())), ErrorCode.INVALID_CREDENTIALS);
        assertThat(twoFactor.isOn(BOB)).isFalse();
        twoFactor.check(BOB, null);
    }

    @Test
    void ofTwoLoginsRacingWithOneCodeExactlyOneGetsIn() throws Exception {
        byte[] secret = turnOn(ALICE);
        clock.advance(Totp.STEP);
        String code = Totp.code(secret, clock.instant());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Callable<Boolean> attempt = () -> {
                try {
                    twoFactor.check(ALICE, code);
                    return true;
                } catch (HuddleException refused) {
                    return false;
                }
            };
            List<Future<Boolean>> results = pool.invokeAll(java.util.Collections.nCopies(8, attempt));
            long accepted = 0;
            for (Future<Boolean> r : results) {
                accepted += r.get() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRecoveryCodeStandsInForACodeOnceInAnySpelling() {
        twoFactor.enrol(ALICE, "alice");
        byte[] secret = Base32.decode(twoFactor.enrol(ALICE, "alice").secret()); // a restart replaces the secret
        List<String> recovery = twoFactor.confirm(ALICE, Totp.code(secret, clock.instant()));
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[A-Z2-7]{5}-[A-Z2-7]{5}"));
        twoFactor.check(ALICE, recovery.get(0));
        assertRefused(() -> twoFactor.check(ALICE, recovery.get(0)), ErrorCode.INVALID_CREDENTIALS);
        twoFactor.check(ALICE, recovery.get(1).replace("-", "").toLowerCase());
        assertRefused(() -> twoFactor.check(ALICE, "AAAAA-BBBBB"), ErrorCode.INVALID_CREDENTIALS);
    }

    @Test
    void enrollingAgainWhileOnIsRefusedAndRemovingTurnsItOff() {
        turnOn(ALICE);
        assertRefused(() -> twoFactor.enrol(ALICE, "alice"), ErrorCode.CONFLICT);
        twoFactor.remove(ALICE);
        assertThat(twoFactor.isOn(ALICE)).isFalse();
        twoFactor.check(ALICE, null);
    }

    @Test
    void theSecretIsSealedAtRestWithAKeyFileOnlyTheServiceReads() throws Exception {
        TwoFactor.Enrolment enrolment = twoFactor.enrol(ALICE, "alice");
        String stored = store.find(ALICE).orElseThrow().sealedSecret();
        assertThat(stored).doesNotContain(enrolment.secret());
        assertThat(Files.getPosixFilePermissions(dir.resolve(SecretBox.KEY_FILE)))
            .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        // bound to its user: the same sealed value does not open as another user's
        SecretBox box = SecretBox.loadOrCreate(dir);
        assertThat(box.open(stored, ALICE)).isEqualTo(Base32.decode(enrolment.secret()));
        assertThatThrownBy(() -> box.open(stored, BOB)).isInstanceOf(IllegalStateException.class);
        // and another server's key does not open it either
        SecretBox other = SecretBox.loadOrCreate(dir.resolve("elsewhere"));
        assertThatThrownBy(() -> other.open(stored, ALICE)).isInstanceOf(IllegalStateException.class);
    }
}
