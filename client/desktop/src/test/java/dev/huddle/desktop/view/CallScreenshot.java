package dev.huddle.desktop.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.chat.Command;
import dev.huddle.desktop.HeadlessParticipant;
import dev.huddle.desktop.Servers;
import dev.huddle.desktop.model.SyntheticScreen;
import dev.huddle.server.testing.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import javafx.stage.Stage;
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
 * A call with three synthetic participants, saved as {@code 07-call.png} into the directory named by
 * {@code -Dhuddle.screenshots=...} ({@code scripts/screenshots.sh}): alice in the window (her camera
 * preview), bob talking with his camera on, carol muted and presenting her screen. Skipped unless
 * screenshots are asked for.
 */
@ExtendWith(ApplicationExtension.class)
class CallScreenshot {

    private static final Duration WAIT = Duration.ofSeconds(45);

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
    void threeParticipants(FxRobot robot) throws Exception {
        for (String name : new String[] {"alice", "bob", "carol"}) {
            servers.register(name);
        }
        long room = servers.project("bob", "Launch plan", "alice, carol");
        Window.fx(() -> {
            stage.setWidth(1280);
            stage.setHeight(860);
            return null;
        });
        Window.logIn(robot, "alice");
        Window.openConversation(robot, "Launch plan");
        try (HeadlessParticipant bob = HeadlessParticipant.open(servers, "bob", room);
             HeadlessParticipant carol = HeadlessParticipant.open(servers, "carol", room)) {
            bob.run(new Command.Chat(bob.token, room, "Starting the launch check, join when you can"));
            bob.joinCall(true, true);
            carol.joinCall(true, false);
            carol.share(new SyntheticScreen(640, 480, "carol"));
            robot.clickOn("#join-call");
            Eventually.assertThat(WAIT, () -> {
                assertThat(CallWindowTest.tilePicture(robot, "bob")).isNotNull();
                assertThat(CallWindowTest.tilePicture(robot, "carol")).isNotNull();
                assertThat(CallWindowTest.tilePicture(robot, "alice")).isNotNull();
                assertThat(Window.showing(robot, "#tile-bob .tile-speaking")).isTrue();
                assertThat(Window.showing(robot, "#tile-carol .badge-screen")).isTrue();
            });
            carol.run(new Command.Chat(carol.token, room, "Sharing the roadmap slide now"));
            Eventually.assertThat(() -> assertThat(Window.log(robot)).anyMatch(l -> l.contains("roadmap slide")));
            Window.saveScreenshot(stage, out.resolve("07-call.png"));
        }
    }
}
