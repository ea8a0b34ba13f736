package dev.huddle.desktop.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.client.HuddleClient;
import dev.huddle.desktop.HuddleApp;
import dev.huddle.desktop.Servers;
import dev.huddle.desktop.model.AppModel;
import dev.huddle.desktop.model.Prefs;
import dev.huddle.desktop.model.UiThread;
import dev.huddle.server.testing.Eventually;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The desktop client in a real window, driven by TestFX: what the window tests and the screenshot tour share. */
final class Window {

    private Window() {
    }

    /** Window tests need an X display; without one they are skipped, saying so, never passed. */
    static void requireDisplay() {
        Assumptions.assumeTrue(System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isBlank(),
            "no X display: the desktop window tests are SKIPPED. Install xvfb (apt-get install xvfb) so that"
                + " client/desktop/src/test/xvfb/bin/java runs them under xvfb-run, or set DISPLAY.");
    }

    /** Opens the client in {@code stage}, its preferences in {@code home}. */
    static AppModel open(Stage stage, Servers servers, Path home) {
        AppModel model = new AppModel(new UiThread(Platform::runLater), new Prefs(home.resolve("desktop.properties")),
            servers.address().text(), HuddleClient::create);
        HuddleApp.open(stage, model);
        return model;
    }

    /** Reads something on the FX thread. */
    static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text a label or field shows; empty when no such node is on screen (yet). */
    static String text(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).tryQuery().map(node -> switch (node) {
            case Labeled labeled -> labeled.getText();
            case TextInputControl input -> input.getText();
            default -> node.toString();
        }).orElse(""));
    }

    static boolean showing(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).tryQuery().map(n -> n.isVisible() && n.getScene() != null).orElse(false));
    }

    /** Logs in through the login page and waits for the home screen. */
    static void logIn(FxRobot robot, String username) {
        fx(() -> {
            robot.lookup("#username").queryAs(TextInputControl.class).clear();
            robot.lookup("#password").queryAs(TextInputControl.class).clear();
            return null;
        });
        robot.clickOn("#username").write(username);
        robot.clickOn("#password").write("violet-anchor-93-drum");
        robot.clickOn("#login");
        Eventually.assertThat(() -> assertThat(showing(robot, "#projects")).isTrue());
        Eventually.assertThat(() -> assertThat(text(robot, "#status")).isEqualTo("Connected"));
    }

    /** The lines of the open conversation's log. */
    static java.util.List<String> log(FxRobot robot) {
        return fx(() -> robot.lookup("#log").queryListView().getItems().stream()
            .map(e -> ((dev.huddle.desktop.model.LogEntry) e).line()).toList());
    }

    /** Finds the label showing exactly {@code text} (a list line, a button). */
    static java.util.function.Predicate<Node> labelled(String text) {
        return node -> node instanceof Labeled labeled && text.equals(labeled.getText()) && node.isVisible();
    }

    /** Writes what {@code stage} shows now to {@code file} as a PNG. */
    static void saveScreenshot(Stage stage, Path file) throws java.io.IOException {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage image = fx(() -> stage.getScene().snapshot(null));
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        java.awt.image.BufferedImage awt = new java.awt.image.BufferedImage(width, height,
            java.awt.image.BufferedImage.TYPE_INT_RGB);
        javafx.scene.image.PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                awt.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        java.nio.file.Files.createDirectories(file.getParent());
        javax.imageio.ImageIO.write(awt, "png", file.toFile());
    }

    /** The picture a participant's call tile shows, or null while it shows their avatar (or there is no tile). */
    static javafx.scene.image.Image tilePicture(FxRobot robot, String username) {
        return fx(() -> robot.lookup("#tile-" + username + " .tile-video").tryQuery()
            .map(node -> node.isVisible() ? ((javafx.scene.image.ImageView) node).getImage() : null).orElse(null));
    }

    /** Clicks the project (or thread) of that name in the side bar once it is listed. */
    static void openConversation(FxRobot robot, String name) {
        Eventually.assertThat(() -> assertThat(fx(() -> robot.lookup(labelled(name)).tryQuery().isPresent())).isTrue());
        robot.clickOn(labelled(name));
        Eventually.assertThat(() -> assertThat(text(robot, "#project-title")).isEqualTo(name));
    }

    @SuppressWarnings("unchecked")
    static <T> ListView<T> list(FxRobot robot, String query) {
        return (ListView<T>) robot.lookup(query).queryListView();
    }
}
