package dev.huddle.desktop.view;

import static dev.huddle.desktop.view.Window.log;
import static dev.huddle.desktop.view.Window.showing;
import static dev.huddle.desktop.view.Window.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.client.files.LineFiles;
import dev.huddle.client.files.Progress;
import dev.huddle.client.line.LineConnection;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.FileTarget;
import dev.huddle.desktop.HeadlessParticipant;
import dev.huddle.desktop.Servers;
import dev.huddle.desktop.model.SyntheticScreen;
import dev.huddle.server.testing.Eventually;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Walks through every screen with realistic content, a call with three participants last (a media
 * relay runs, the other two are headless participants), and saves a PNG of each into the directory named
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
        servers = Servers.withCalls(root);
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
        register("frank");
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
            String tf = line.ok(new Command.Login("frank", "violet-anchor-93-drum")).getString("token");
            line.ok(new Command.Dm(tf, alice, "Welcome to the team! Before Friday please fill in the onboarding form"
                + " and book a desk for next week 🙂"));
            String tc = line.ok(new Command.Login(carol, "violet-anchor-93-drum")).getString("token");
            line.ok(new Command.Dm(tc, alice, "Here is the checklist draft — the smoke test section is new, can you"
                + " have a look before we start?"));
            try (LineFiles files = servers.lineFiles()) {
                Path checklist = Files.writeString(root.resolve("launch-checklist.md"), "- [ ] smoke test\n");
                files.upload(tc, new FileTarget.User(alice), checklist, "launch-checklist.md", Progress.NONE);
            }
            line.ok(new Command.Dm(tb, alice, "Got a minute after the check?"));
            Eventually.assertThat(() -> assertThat(log(robot)).anyMatch(l -> l.contains("staging build is green")));
            Eventually.assertThat(() -> assertThat(Window.fx(() -> Window.<dev.huddle.desktop.model.ListItem>list(robot,
                "#dms").getItems().stream().map(d -> d.name() + " " + d.unread()).toList()))
                .containsExactly(bob + " 1", carol + " 2", "frank 1"));
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

            try (LineFiles files = servers.lineFiles()) {
                Path chart = root.resolve("burndown.png");
                ImageIO.write(chart(), "png", chart.toFile());
                Path notes = Files.writeString(root.resolve("release-notes.md"), "# 2.0\n- faster rooms\n".repeat(400));
                files.upload(tb, new FileTarget.Room(launch), notes, "release-notes.md", Progress.NONE);
                long chartId = files.upload(tb, new FileTarget.Room(launch), chart, "burndown.png", Progress.NONE)
                    .getLong("id");
                Eventually.assertThat(() -> assertThat(Window.fx(() -> robot.lookup("#thumbnail-" + chartId).tryQuery()
                    .map(n -> ((javafx.scene.image.ImageView) n).getImage() != null).orElse(false))).isTrue());
            }
            shoot(robot, "07-files");
            call(robot, launch);
        }
    }

    /** Alice in the window (her camera's preview), bob talking with his camera on, carol muted and presenting. */
    private void call(FxRobot robot, long launch) throws IOException {
        Window.fx(() -> {
            stage.setWidth(1280);
            stage.setHeight(860);
            return null;
        });
        try (HeadlessParticipant bob = HeadlessParticipant.open(servers, "bob", launch);
             HeadlessParticipant carol = HeadlessParticipant.open(servers, "carol", launch)) {
            bob.joinCall(true, true);
            carol.joinCall(true, false);
            carol.share(new SyntheticScreen(640, 480, "carol"));
            robot.clickOn("#join-call");
            Eventually.assertThat(Duration.ofSeconds(45), () -> {
                assertThat(Window.tilePicture(robot, "bob")).isNotNull();
                assertThat(Window.tilePicture(robot, "carol")).isNotNull();
                assertThat(Window.tilePicture(robot, "alice")).isNotNull();
                assertThat(showing(robot, "#tile-bob .tile-speaking")).isTrue();
                assertThat(showing(robot, "#tile-carol .badge-screen")).isTrue();
            });
            carol.run(new Command.Chat(carol.token, launch, "Sharing the roadmap slide now"));
            Eventually.assertThat(() -> assertThat(log(robot)).anyMatch(l -> l.contains("roadmap slide")));
            shoot(robot, "08-call");
        }
    }

    /** A small burn-down chart, so the thumbnail shows something a team would share. */
    private static BufferedImage chart() {
        BufferedImage image = new BufferedImage(480, 300, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 480, 300);
        int[] left = {34, 30, 27, 22, 20, 15, 11, 6, 3};
        for (int i = 0; i < left.length; i++) {
            g.setColor(new java.awt.Color(66, 133, 244));
            g.fillRect(30 + i * 48, 270 - left[i] * 7, 32, left[i] * 7);
        }
        g.setColor(new java.awt.Color(234, 67, 53));
        g.setStroke(new java.awt.BasicStroke(3));
        g.drawLine(46, 270 - 34 * 7, 30 + 8 * 48 + 16, 270);
        g.setColor(java.awt.Color.DARK_GRAY);
        g.drawLine(20, 270, 470, 270);
        g.dispose();
        return image;
    }

    private static void register(String name) {
        try (var client = dev.huddle.client.HuddleClient.create(servers.address())) {
            client.register(name, name + "@example.com", "violet-anchor-93-drum").await();
        }
    }

    private void shoot(FxRobot robot, String name) throws IOException {
        Window.saveScreenshot(stage, out.resolve(name + ".png"));
    }
}
