package dev.huddle.desktop.view;

import static dev.huddle.desktop.view.Window.fx;
import static dev.huddle.desktop.view.Window.showing;
import static dev.huddle.desktop.view.Window.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.chat.Command;
import dev.huddle.desktop.HeadlessParticipant;
import dev.huddle.desktop.Servers;
import dev.huddle.server.testing.Eventually;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.image.Image;
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
 * A call in the desktop window (TestFX, under Xvfb when headless) against real auth, room and chat
 * services and a real media relay, the other member a headless participant (the client library's
 * {@code Call} on the line protocol, as huddle-cli joins).
 */
@ExtendWith(ApplicationExtension.class)
class CallWindowTest {

    private static final Duration WAIT = Duration.ofSeconds(45);

    @TempDir
    static Path root;
    static Servers servers;

    @BeforeAll
    static void start() {
        Window.requireDisplay();
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
        if (servers != null) {
            Window.open(stage, servers, root.resolve("home-" + System.nanoTime()));
        }
    }

    @Test
    void invitedJoinsSeesTheOtherCameraAndBadgeAndSharesAScreenThatArrives(FxRobot robot) {
        String alice = servers.user("alice");
        String bob = servers.user("bob");
        long room = servers.project(bob, "Standup", alice);
        Window.logIn(robot, alice);
        Window.openConversation(robot, "Standup");
        assertThat(showing(robot, "#join-call")).isTrue();

        try (HeadlessParticipant other = HeadlessParticipant.open(servers, bob, room)) {
            // bob invites the room: the notice with its join button shows in alice's window
            other.run(new Command.CallInvite(other.token, room));
            Eventually.assertThat(WAIT, () -> {
                assertThat(showing(robot, "#call-invitation")).isTrue();
                assertThat(text(robot, "#invitation-text")).isEqualTo(bob + " invites everyone to the call");
                assertThat(showing(robot, "#accept-invitation")).isTrue();
            });
            other.joinCall(true, true);
            robot.clickOn("#accept-invitation");

            // bob's tile comes from the call events, then shows his camera, picture after picture
            Eventually.assertThat(WAIT, () -> assertThat(Window.tilePicture(robot, bob)).as("status '%s', %s, tiles %s",
                text(robot, "#call-status"), text(robot, "#call-participants"),
                fx(() -> robot.lookup(".call-tile").queryAll().stream().map(n -> n.getId()).toList())).isNotNull());
            Image first = Window.tilePicture(robot, bob);
            Eventually.assertThat(WAIT, () -> assertThat(Window.tilePicture(robot, bob)).isNotNull().isNotSameAs(first));
            assertThat(showing(robot, "#tile-" + alice)).isTrue(); // the local preview
            assertThat(text(robot, "#call-participants")).contains(alice, bob);
            assertThat(text(robot, "#device-note")).contains("No camera or microphone");

            // bob turns his camera off: alice sees the badge and his avatar
            other.camera(false);
            Eventually.assertThat(WAIT, () -> {
                assertThat(showing(robot, "#tile-" + bob + " .badge-camera-off")).isTrue();
                assertThat(showing(robot, "#tile-" + bob + " .tile-avatar")).isTrue();
            });
            other.camera(true);
            Eventually.assertThat(WAIT, () -> assertThat(showing(robot, "#tile-" + bob + " .badge-camera-off"))
                .isFalse());

            // alice turns hers off: bob's side sees it
            Eventually.assertThat(WAIT, () -> assertThat(other.framesFrom(alice)).isGreaterThan(3));
            robot.clickOn("#toggle-camera");
            Eventually.assertThat(WAIT, () -> assertThat(other.peer(alice).camera()).isFalse());
            assertThat(showing(robot, "#tile-" + alice + " .badge-camera-off")).isTrue();

            // alice shares her screen: bob receives the screen, and the room hears she presents
            robot.clickOn("#share-screen");
            Eventually.assertThat(WAIT, () -> assertThat(isScreen(other.newestFrom(alice))).isTrue());
            Eventually.assertThat(WAIT, () -> assertThat(other.events()).anyMatch(e -> e.type().equals("call_state")
                && e.json().getJsonObject("member").getString("username").equals(alice)
                && e.json().getJsonObject("member").getBoolean("screen")));
            assertThat(showing(robot, "#tile-" + alice + " .badge-screen")).isTrue();

            // alice invites the room: bob's client hears it from her
            robot.clickOn("#invite-room");
            Eventually.assertThat(WAIT, () -> assertThat(other.events()).anyMatch(e -> e.type().equals("call_invite")
                && e.json().getJsonObject("from").getString("username").equals(alice)));

            robot.clickOn("#leave-call");
            Eventually.assertThat(WAIT, () -> assertThat(showing(robot, "#join-call")).isTrue());
            Eventually.assertThat(WAIT, () -> assertThat(other.events()).anyMatch(e -> e.type().equals("call_left")
                && e.json().getJsonObject("member").getString("username").equals(alice)));
        }
    }

    /**
     * The shared-screen stand-in has a plain light page where a test pattern never is: its gradient
     * keeps every channel under ~230.
     */
    static boolean isScreen(BufferedImage picture) {
        if (picture == null) {
            return false;
        }
        int rgb = picture.getRGB(picture.getWidth() - 10, picture.getHeight() * 3 / 4);
        return ((rgb >> 16) & 0xFF) > 225 && ((rgb >> 8) & 0xFF) > 225 && (rgb & 0xFF) > 225;
    }
}
