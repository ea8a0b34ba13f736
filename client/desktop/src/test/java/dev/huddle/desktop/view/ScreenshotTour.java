package dev.huddle.desktop.view;

import static dev.huddle.desktop.view.Window.log;
import static dev.huddle.desktop.view.Window.showing;
import static dev.huddle.desktop.view.Window.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.client.line.LineConnection;
import dev.huddle.contracts.chat.Command;
import dev.huddle.desktop.Servers;
import dev.huddle.server.testing.Eventually;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Walks through every screen with realistic content and saves a PNG of each into the directory named
 * by {@code -Dhuddle.screenshots=...} ({@code scripts/screenshots.sh} writes {@code docs/screenshots/}).
 * Skipped when that property is not set, so the test suite writes no files.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTour {

    @TempDir
    static Path root;
    static Servers servers;
    static Path out;
    private Stage stage;

    @BeforeAll
    static void start() {
        String dir = System.getProperty("huddle.screenshots", "");
        Assumptions.assumeFalse(dir.isBlank(), "screenshots not requested (-Dhuddle.screenshots=<dir>)");
        Window.requireDisplay();
        out = Path.of(dir);
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
            Window.open(stage, servers, root.resolve("home"));
        }
    }

    @Test
    void everyScreen(FxRobot robot) throws Exception {
        String alice = "alice";
        String bob = "bob";
        String carol = "carol";
        register(alice);
        register(bob);
        register(carol);
        shoot(robot, "01-login");
        robot.clickOn("#register-link");
        robot.clickOn("#reg-username").write("dave");
        robot.clickOn("#reg-email").write("dave@example.com");
        robot.clickOn("#reg-password").write("violet-anchor-93-drum");
        robot.clickOn("#reg-confirm").write("password124");
        robot.clickOn("#reg-submit");
        Eventually.assertThat(() -> assertThat(showing(robot, "#reg-error")).isTrue());
        shoot(robot, "02-register");
        robot.clickOn("#reg-back");

        Window.logIn(robot, alice);
        shoot(robot, "03-projects-empty");

        try (LineConnection line = servers.line()) {
            String tb = line.ok(new Command.Login(bob, "violet-anchor-93-drum")).getString("token");
            long design = line.ok(new Command.NewProject(tb, "Design review")).getJsonObject("project").getLong("id");
            line.ok(new Command.AddGroup(tb, design, alice));
            line.ok(new Command.Chat(tb, design, "New mock-ups are in the shared folder"));
            robot.clickOn("#project-name").write("Launch plan");
            robot.clickOn("#project-members").write(bob + ", " + carol + ", zed");
            robot.clickOn("#create-project");
            Eventually.assertThat(() -> assertThat(text(robot, "#project-title")).isEqualTo("Launch plan"));
            long launch = Window.fx(() -> Window.<dev.huddle.desktop.model.ListItem>list(robot, "#projects").getItems()
                .getFirst().projectId());
            line.ok(new Command.Join(tb, launch));
            line.ok(new Command.Chat(tb, launch, "Morning! Are we still on for the 10:00 launch check?"));
            robot.clickOn("#draft").write("Yes — I'll share the checklist in a minute.").type(KeyCode.ENTER);
            line.ok(new Command.Chat(tb, launch, "Xin chào cả nhóm, the staging build is green"));
            line.ok(new Command.Chat(tb, design, "Can you look at the header spacing?"));
            line.ok(new Command.Dm(tb, alice, "Got a minute after the check?"));
            Eventually.assertThat(() -> assertThat(log(robot)).anyMatch(l -> l.contains("staging build is green")));
            Eventually.assertThat(() -> assertThat(text(robot, "#dms .unread")).isEqualTo("1"));
            robot.clickOn("#add-members").write("erin");
            robot.clickOn("#add-members-button");
            Eventually.assertThat(() -> assertThat(text(robot, "#add-result")).isNotEmpty());
            robot.clickOn("#draft").write("Checklist: release notes, smoke test, announce");
            shoot(robot, "04-project");

            robot.clickOn(Window.labelled(bob));
            Eventually.assertThat(() -> assertThat(log(robot)).isNotEmpty());
            robot.clickOn("#draft").write("Sure, ping me at 10:30").type(KeyCode.ENTER);
            Eventually.assertThat(() -> assertThat(log(robot)).hasSize(2));
            shoot(robot, "05-direct-messages");

            robot.clickOn(Window.labelled("Launch plan"));
            Eventually.assertThat(() -> assertThat(text(robot, "#project-title")).isEqualTo("Launch plan"));
            robot.clickOn("#theme");
            shoot(robot, "06-project-dark");
            robot.clickOn("#theme");
        }
    }

    private static void register(String name) {
        try (var client = dev.huddle.client.HuddleClient.create(servers.address())) {
            client.register(name, name + "@example.com", "violet-anchor-93-drum").await();
        }
    }

    private void shoot(FxRobot robot, String name) throws IOException {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = Window.fx(() -> stage.getScene().snapshot(null));
        Files.createDirectories(out);
        ImageIO.write(toAwt(image), "png", out.resolve(name + ".png").toFile());
    }

    private static BufferedImage toAwt(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage awt = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                awt.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return awt;
    }
}
