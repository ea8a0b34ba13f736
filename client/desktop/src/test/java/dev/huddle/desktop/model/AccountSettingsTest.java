package dev.huddle.desktop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.auth.totp.Base32;
import dev.huddle.auth.totp.Totp;
import dev.huddle.client.HuddleClient;
import dev.huddle.client.line.LineConnection;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.Reply;
import dev.huddle.desktop.Servers;
import dev.huddle.server.testing.Eventually;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account settings screen's model against the real services: the password, and two-factor login. */
class AccountSettingsTest {

    private static final String PASSWORD = "violet-anchor-93-drum";
    private static final String NEW_PASSWORD = "cobalt-lantern-48-harbor";

    @TempDir
    static Path root;
    static Servers servers;
    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        servers = Servers.start(root);
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsKeepsThisOneAndOnlyTheNewPasswordLogsIn() {
        String pat = servers.user("pat");
        try (UiHarness ui = new UiHarness(servers, home.resolve("a")); LineConnection line = servers.line()) {
            String otherSession = line.ok(new Command.Login(pat, PASSWORD)).getString("token");
            AccountModel account = settings(ui, pat, PASSWORD);

            ui.run(() -> {
                account.currentPasswordProperty().set(PASSWORD);
                account.newPasswordProperty().set(NEW_PASSWORD);
                account.repeatPasswordProperty().set(NEW_PASSWORD + "x");
                account.changePassword();
            });
            assertThat(ui.on(() -> account.errorProperty().get())).isEqualTo("The two new passwords differ.");

            ui.run(() -> {
                account.currentPasswordProperty().set("not-my-password-at-all");
                account.repeatPasswordProperty().set(NEW_PASSWORD);
                account.changePassword();
            });
            Eventually.assertThat(() -> assertThat(ui.on(() -> account.errorProperty().get())).startsWith("Wrong password"));

            ui.run(() -> {
                account.currentPasswordProperty().set(PASSWORD);
                account.newPasswordProperty().set(NEW_PASSWORD);
                account.repeatPasswordProperty().set(NEW_PASSWORD);
                account.changePassword();
            });
            Eventually.assertThat(() -> assertThat(ui.on(() -> account.infoProperty().get()))
                .startsWith("Password changed. Your 1 other session was logged out; this one stays logged in."));
            assertThat(ui.on(() -> account.currentPasswordProperty().get())).as("the fields are emptied").isEmpty();

            // the other session's token is refused; this one goes on with its own
            assertThat(line.request(new Command.Whoami(otherSession)))
                .isInstanceOfSatisfying(Reply.Err.class, err -> assertThat(err.code()).isEqualTo(ErrorCode.INVALID_TOKEN));
            assertThat(ui.home().client().projects().await()).isEmpty();
            ui.run(account::back);
            assertThat(ui.on(() -> ui.app.screenProperty().get())).isEqualTo(AppModel.Screen.HOME);
        }

        try (UiHarness other = new UiHarness(servers, home.resolve("b"))) {
            logIn(other, pat, PASSWORD, null);
            Eventually.assertThat(() -> assertThat(other.on(() -> other.app.login().errorProperty().get()))
                .isEqualTo("Wrong username or password."));
            logIn(other, pat, NEW_PASSWORD, null);
            Eventually.assertThat(() -> assertThat(other.on(() -> other.app.screenProperty().get()))
                .isEqualTo(AppModel.Screen.HOME));
        }
    }

    @Test
    void twoFactorLoginIsEnrolledConfirmedThenNeededToLogInAndTurnedOffWithARecoveryCode() {
        String tess = servers.user("tess");
        try (UiHarness ui = new UiHarness(servers, home.resolve("a"))) {
            AccountModel account = settings(ui, tess, PASSWORD);
            Eventually.assertThat(() -> assertThat(ui.on(() -> account.totpProperty().get())).isEqualTo(AccountModel.Totp.OFF));

            ui.run(account::startTotp);
            Eventually.assertThat(() -> assertThat(ui.on(() -> account.totpProperty().get()))
                .isEqualTo(AccountModel.Totp.ENROLLING));
            String secretText = ui.on(() -> account.secretProperty().get());
            assertThat(ui.on(() -> account.otpauthUriProperty().get())).startsWith("otpauth://totp/")
                .contains("secret=" + secretText);
            byte[] secret = Base32.decode(secretText);

            ui.run(() -> {
                account.codeProperty().set(wrongCode(secret));
                account.confirmTotp();
            });
            Eventually.assertThat(() -> assertThat(ui.on(() -> account.errorProperty().get())).isNotEmpty());
            assertThat(ui.on(() -> account.totpProperty().get())).isEqualTo(AccountModel.Totp.ENROLLING);

            ui.run(() -> {
                account.codeProperty().set(Totp.code(secret, Instant.now()));
                account.confirmTotp();
            });
            Eventually.assertThat(() -> assertThat(ui.on(() -> account.totpProperty().get())).isEqualTo(AccountModel.Totp.ON));
            List<String> recovery = ui.on(() -> account.recoveryCodesProperty().get()).lines().toList();
            assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
            assertThat(ui.on(() -> account.secretProperty().get())).as("the secret is not kept on screen").isEmpty();

            try (UiHarness other = new UiHarness(servers, home.resolve("b"))) {
                LoginModel login = other.app.login();
                logIn(other, tess, PASSWORD, null);
                Eventually.assertThat(() -> assertThat(other.on(() -> login.codeNeededProperty().get())).isTrue());
                // the next step's code: the confirming one's step is used up, and the drift window allows one ahead
                logIn(other, tess, PASSWORD, Totp.code(secret, Instant.now().plus(Totp.STEP)));
                Eventually.assertThat(() -> assertThat(other.on(() -> other.app.screenProperty().get()))
                    .isEqualTo(AppModel.Screen.HOME));
            }

            ui.run(() -> {
                account.disablePasswordProperty().set(PASSWORD);
                account.codeProperty().set(recovery.getFirst());
                account.disableTotp();
            });
            Eventually.assertThat(() -> assertThat(ui.on(() -> account.totpProperty().get())).isEqualTo(AccountModel.Totp.OFF));
            assertThat(ui.on(() -> account.infoProperty().get())).startsWith("Two-factor login is off");
        }
        try (HuddleClient plain = HuddleClient.create(servers.address())) {
            assertThat(plain.login(tess, PASSWORD).await().username()).isEqualTo(tess);
        }
    }

    @Test
    void theSettingsNeedALoggedInClient() {
        try (UiHarness ui = new UiHarness(servers, home); HuddleClient client = HuddleClient.create(servers.address())) {
            ui.run(ui.app::showAccount);
            assertThat(ui.on(() -> ui.app.screenProperty().get())).isEqualTo(AppModel.Screen.LOGIN);
            assertThatThrownBy(() -> client.changePassword(PASSWORD, NEW_PASSWORD).await())
                .isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TOKEN));
        }
    }

    /** Logs in through the login page's model and opens the account settings. */
    private static AccountModel settings(UiHarness ui, String username, String password) {
        logIn(ui, username, password, null);
        Eventually.assertThat(() -> assertThat(ui.on(() -> ui.app.screenProperty().get())).isEqualTo(AppModel.Screen.HOME));
        ui.run(ui.app::showAccount);
        assertThat(ui.on(() -> ui.app.screenProperty().get())).isEqualTo(AppModel.Screen.ACCOUNT);
        AccountModel account = ui.on(() -> ui.app.accountProperty().get());
        Eventually.assertThat(() -> assertThat(ui.on(() -> account.totpProperty().get()))
            .isNotEqualTo(AccountModel.Totp.UNKNOWN));
        return account;
    }

    private static void logIn(UiHarness ui, String username, String password, String code) {
        ui.run(() -> {
            LoginModel login = ui.app.login();
            login.usernameProperty().set(username);
            login.passwordProperty().set(password);
            if (code != null) {
                login.codeProperty().set(code);
            }
            login.login();
        });
    }

    /** A code no step near now has. */
    private static String wrongCode(byte[] secret) {
        Instant now = Instant.now();
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            boolean near = false;
            for (int step = -2; step <= 2; step++) {
                near |= code.equals(Totp.code(secret, now.plus(Totp.STEP.multipliedBy(step))));
            }
            if (!near) {
                return code;
            }
        }
    }
}
