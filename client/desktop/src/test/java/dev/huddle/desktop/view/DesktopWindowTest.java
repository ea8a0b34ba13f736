package dev.huddle.desktop.view;

import static dev.huddle.desktop.view.Window.fx;
import static dev.huddle.desktop.view.Window.log;
import static dev.huddle.desktop.view.Window.showing;
import static dev.huddle.desktop.view.Window.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.client.files.LineFiles;
import dev.huddle.client.files.Progress;
import dev.huddle.client.line.LineConnection;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.FileTarget;
import dev.huddle.contracts.chat.Reply;
import dev.huddle.desktop.Servers;
import dev.huddle.desktop.model.AppModel;
import dev.huddle.desktop.model.ListItem;
import dev.huddle.desktop.model.ProjectModel;
import dev.huddle.server.testing.Eventually;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The desktop client in a real JavaFX window (TestFX, under Xvfb when headless) against the real
 * services, with huddle-cli's line connection as the second client.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopWindowTest {

    @TempDir
    static Path root;
    static Servers servers;
    @TempDir
    Path work;
    private AppModel app;

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
        if (servers == null) {
            return;
        }
        app = Window.open(stage, servers, root.resolve("home-" + System.nanoTime()));
    }

    private static String token(LineConnection line, String user) {
        return line.ok(new Command.Login(user, "violet-anchor-93-drum")).getString("token");
    }

    @Test
    void logInCreateAProjectWithMembersAddOneAndChatWithASecondClient(FxRobot robot) {
        String alice = servers.user("alice");
        String bob = servers.user("bob");
        String carol = servers.user("carol");
        Window.logIn(robot, alice);
        // the side bar shows first; the project list (empty here) once it has loaded
        Eventually.assertThat(() -> assertThat(showing(robot, "#projects-empty")).isTrue());

        robot.clickOn("#project-name").write("Launch plan");
        robot.clickOn("#project-members").write(bob + ", ghost");
        robot.clickOn("#create-project");
        Eventually.assertThat(() -> assertThat(text(robot, "#project-title")).isEqualTo("Launch plan"));
        assertThat(text(robot, "#home-message")).contains(bob + ": added", "ghost: no such user");
        Eventually.assertThat(() -> assertThat(Window.<Object>list(robot, "#members").getItems()).hasSize(2));

        robot.clickOn("#add-members").write(carol).type(KeyCode.ENTER);
        Eventually.assertThat(() -> assertThat(text(robot, "#add-result")).isEqualTo(carol + ": added"));
        Eventually.assertThat(() -> assertThat(Window.<Object>list(robot, "#members").getItems()).hasSize(3));

        try (LineConnection line = servers.line()) {
            String tb = token(line, bob);
            List<Reply.Event> bobSees = new CopyOnWriteArrayList<>();
            line.onEvent(bobSees::add);
            long id = fx(() -> Window.<ListItem>list(robot, "#projects").getItems().getFirst().projectId());
            line.ok(new Command.Join(tb, id));
            Eventually.assertThat(() -> assertThat(log(robot)).contains(bob + " joined"));

            robot.clickOn("#draft").write("hello bob");
            robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
            robot.write("two lines").type(KeyCode.ENTER);
            Eventually.assertThat(() -> assertThat(bobSees).anyMatch(e -> e.type().equals("chat")
                && e.json().getString("text").equals("hello bob\ntwo lines")));
            assertThat(text(robot, "#draft")).isEmpty();

            line.ok(new Command.Chat(tb, id, "hi alice"));
            Eventually.assertThat(() -> assertThat(log(robot)).anyMatch(l -> l.startsWith(bob + ": hi alice - ")));
            assertThat(log(robot)).anyMatch(l -> l.startsWith(alice + ": hello bob\ntwo lines - "));
        }
    }

    @Test
    void filesSentEitherWayShowWithADownloadThatChecksTheHashAndAPictureAsAThumbnail(FxRobot robot) throws Exception {
        String alice = servers.user("alice");
        String bob = servers.user("bob");
        try (LineConnection line = servers.line(); LineFiles files = servers.lineFiles()) {
            String tb = token(line, bob);
            long id = line.ok(new Command.NewProject(tb, "Shared files")).getJsonObject("project").getLong("id");
            line.ok(new Command.AddGroup(tb, id, alice));
            List<Reply.Event> bobSees = new CopyOnWriteArrayList<>();
            line.onEvent(bobSees::add);
            line.ok(new Command.Join(tb, id));
            Window.logIn(robot, alice);
            Eventually.assertThat(() -> assertThat(fx(() -> robot.lookup(Window.labelled("Shared files")).tryQuery()
                .isPresent())).isTrue());
            robot.clickOn(Window.labelled("Shared files"));
            Eventually.assertThat(() -> assertThat(text(robot, "#project-title")).isEqualTo("Shared files"));

            // sent in this window (what the attach button and a drop hand to the model)
            Path notes = Files.writeString(work.resolve("notes.txt"), "agenda: ship it\n".repeat(1000));
            ProjectModel open = (ProjectModel) fx(() -> app.homeProperty().get().openProperty().get());
            fx(() -> {
                open.attach(List.of(notes));
                return null;
            });
            Eventually.assertThat(() -> assertThat(bobSees).anyMatch(e -> e.type().equals("chat")
                && e.json().getJsonObject("file") != null
                && e.json().getJsonObject("file").getString("name").equals("notes.txt")));

            // sent from the other client (huddle-cli's line connection)
            Path chart = work.resolve("chart.png");
            BufferedImage picture = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
            picture.getGraphics().fillRect(10, 10, 50, 60);
            ImageIO.write(picture, "png", chart.toFile());
            long chartId = files.upload(tb, new FileTarget.Room(id), chart, "chart.png", Progress.NONE).getLong("id");
            Eventually.assertThat(() -> assertThat(fx(() -> robot.lookup("#thumbnail-" + chartId).tryQuery()
                .map(node -> ((ImageView) node).getImage() != null && ((ImageView) node).getImage().getWidth() > 0)
                .orElse(false))).isTrue());
            assertThat(log(robot)).anyMatch(l -> l.startsWith(bob + ": ") && l.contains("chart.png"));

            Path downloads = Files.createDirectories(work.resolve("downloads"));
            System.setProperty("huddle.downloads", downloads.toString());
            robot.clickOn("#download-" + chartId);
            Eventually.assertThat(() -> assertThat(text(robot, "#file-status")).startsWith("Saved chart.png (SHA-256 checked)"));
            assertThat(Files.readAllBytes(downloads.resolve("chart.png"))).isEqualTo(Files.readAllBytes(chart));
        } finally {
            System.clearProperty("huddle.downloads");
        }
    }

    @Test
    void aDirectMessageRaisesTheUnreadCount(FxRobot robot) {
        String alice = servers.user("alice");
        String bob = servers.user("bob");
        Window.logIn(robot, alice);
        try (LineConnection line = servers.line()) {
            String tb = token(line, bob);
            line.ok(new Command.Dm(tb, alice, "psst"));
            Eventually.assertThat(() -> assertThat(fx(() -> Window.<ListItem>list(robot, "#dms").getItems().size())).isOne());
            Eventually.assertThat(() -> assertThat(text(robot, "#dms .unread")).isEqualTo("1"));
            line.ok(new Command.Dm(tb, alice, "are you there?"));
            Eventually.assertThat(() -> assertThat(text(robot, "#dms .unread")).isEqualTo("2"));

            robot.clickOn(Window.labelled(bob));
            Eventually.assertThat(() -> assertThat(text(robot, "#dm-title")).isEqualTo("Direct messages with " + bob));
            Eventually.assertThat(() -> assertThat(log(robot)).hasSize(2).allMatch(l -> l.startsWith(bob + ": "))
                .anyMatch(l -> l.contains("are you there?")));
            assertThat(fx(() -> robot.lookup("#dms .unread").query().isVisible())).isFalse();
        }
    }

    @Test
    void beingKickedClosesTheProjectViewWithANotice(FxRobot robot) {
        String alice = servers.user("alice");
        String bob = servers.user("bob");
        try (LineConnection line = servers.line()) {
            String tb = token(line, bob);
            long id = line.ok(new Command.NewProject(tb, "Short stay")).getJsonObject("project").getLong("id");
            line.ok(new Command.AddGroup(tb, id, alice));
            List<Reply.Event> bobSees = new CopyOnWriteArrayList<>();
            line.onEvent(bobSees::add);
            line.ok(new Command.Join(tb, id));
            Window.logIn(robot, alice);
            Eventually.assertThat(() -> assertThat(bobSees).anyMatch(e -> e.type().equals("joined")
                && e.json().getString("username").equals(alice)));

            robot.clickOn(Window.labelled("Short stay"));
            Eventually.assertThat(() -> assertThat(text(robot, "#project-title")).isEqualTo("Short stay"));
            line.ok(new Command.Kick(tb, id, alice));

            Eventually.assertThat(() -> assertThat(showing(robot, "#project-title")).isFalse());
            Eventually.assertThat(() -> assertThat(text(robot, "#welcome-message"))
                .isEqualTo(bob + " removed you from Short stay."));
            assertThat(fx(() -> ((ListView<?>) robot.lookup("#projects").query()).getItems())).isEmpty();
        }
    }
}
