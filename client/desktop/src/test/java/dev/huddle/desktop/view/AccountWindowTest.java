package dev.huddle.desktop.view;

import static dev.huddle.desktop.view.Window.showing;
import static dev.huddle.desktop.view.Window.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.auth.totp.Base32;
import dev.huddle.auth.totp.Totp;
import dev.huddle.client.HuddleClient;
import dev.huddle.desktop.Servers;
import dev.huddle.server.testing.Eventually;
import java.nio.file.Path;
import java.time.Instant;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The account settings page in a real window against the real services: reached from the side bar,
 * the password changed by typing, two-factor login turned on with the app's code. With
 * {@code -Dhuddle.screenshots=<dir>} ({@code scripts/screenshots.sh}) it saves the page as
 * {@code 09-account.png}, its secret and URI showing, and the login form with TLS as {@code 10-login-tls.png}.
 */
@ExtendWith(ApplicationExtension.class)
class AccountWindowTest {

    private static final String NEW_PASSWORD = "cobalt-lantern-48-harbor";

    @TempDir
    static Path root;
    static Servers servers;
    private Stage stage;

    @BeforeAll
    static void start() {
        Window.requireDisplay();
        servers = Servers.start(root);
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @Start
    void open(Stage stage) {
        this.stage = stage;
        if (servers != null) {
            Window.open(stage, servers, root.resolve("home-" + System.nanoTime()));
        }
    }

    @Test
    void theSidebarOpensTheSettingsWhereThePasswordChangesAndTwoFactorLoginTurnsOn(FxRobot robot) throws Exception {
        String nina = servers.user("nina");
        Window.logIn(robot, nina);
        robot.clickOn("#me");
        Eventually.assertThat(() -> assertThat(text(robot, "#account-title")).isEqualTo("Account: " + nina));
        Eventually.assertThat(() -> assertThat(shown(robot, "#totp-start")).isTrue());
        assertThat(shown(robot, "#totp-secret")).isFalse();
        assertThat(Window.fx(() -> robot.lookup("#change-password").query().isDisabled())).isTrue();

        robot.clickOn("#current-password").write("violet-anchor-93-drum");
        robot.clickOn("#new-password").write(NEW_PASSWORD);
        robot.clickOn("#repeat-password").write(NEW_PASSWORD);
        robot.clickOn("#change-password");
        Eventually.assertThat(() -> assertThat(text(robot, "#account-info")).startsWith("Password changed."));
        assertThat(text(robot, "#current-password")).isEmpty();
        try (HuddleClient client = HuddleClient.create(servers.address())) {
            assertThat(client.login(nina, NEW_PASSWORD).await().username()).isEqualTo(nina);
        }

        robot.clickOn("#totp-start");
        Eventually.assertThat(() -> assertThat(text(robot, "#totp-secret")).isNotEmpty());
        String secret = text(robot, "#totp-secret");
        assertThat(text(robot, "#totp-uri")).startsWith("otpauth://totp/").contains(secret);
        assertThat(Window.fx(() -> robot.lookup("#totp-confirm").query().isDisabled())).isTrue();
        String screenshots = System.getProperty("huddle.screenshots", "");
        if (!screenshots.isBlank()) {
            Window.saveScreenshot(stage, Path.of(screenshots, "09-account.png"));
        }

        robot.clickOn("#totp-code").write(Totp.code(Base32.decode(secret), Instant.now())).type(KeyCode.ENTER);
        Eventually.assertThat(() -> assertThat(text(robot, "#recovery-codes").lines()).hasSize(10));
        assertThat(shown(robot, "#totp-disable")).isTrue();
        assertThat(shown(robot, "#totp-secret")).isFalse();
        assertThat(text(robot, "#totp-secret")).as("the secret is not kept on screen").isEmpty();

        robot.clickOn("#account-back");
        Eventually.assertThat(() -> assertThat(showing(robot, "#projects")).isTrue());
        assertThat(text(robot, "#status")).isEqualTo("Connected");
    }

    @Test
    void theLoginFormOffersTlsWithAnOptionalCaFileAndNoInsecureMode(FxRobot robot) throws Exception {
        assertThat(shown(robot, "#ca-file")).as("the CA field shows with TLS only").isFalse();
        robot.clickOn("#use-tls");
        Eventually.assertThat(() -> assertThat(shown(robot, "#ca-file")).isTrue());
        robot.clickOn("#ca-file").write(root.resolve("no-such-ca.crt").toString());
        robot.clickOn("#username").write("nina");
        robot.clickOn("#password").write("violet-anchor-93-drum");
        robot.clickOn("#login");
        Eventually.assertThat(() -> assertThat(text(robot, "#login-error")).startsWith("TLS: cannot read the CA file"));
        assertThat(Window.fx(() -> robot.lookup(node -> node instanceof javafx.scene.control.Labeled l
            && l.getText() != null && l.getText().toLowerCase().contains("insecure")).tryQuery().isPresent())).isFalse();
        String screenshots = System.getProperty("huddle.screenshots", "");
        if (!screenshots.isBlank()) {
            Window.saveScreenshot(stage, Path.of(screenshots, "10-login-tls.png"));
        }
    }

    /** Whether the node and every box around it are visible (a section hides as a whole). */
    private static boolean shown(FxRobot robot, String query) {
        return Window.fx(() -> robot.lookup(query).tryQuery().map(node -> {
            for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return false;
                }
            }
            return node.getScene() != null;
        }).orElse(false));
    }
}
