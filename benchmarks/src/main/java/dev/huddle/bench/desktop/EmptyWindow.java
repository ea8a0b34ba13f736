package dev.huddle.bench.desktop;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The reference for the desktop client's start-up: the least a JavaFX application does before the
 * first window shows (a window with one label), on the same JVM and class path. Prints the same marker.
 */
public final class EmptyWindow extends Application {

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(new Label("hello")), 1100, 720));
        stage.show();
        Platform.runLater(() -> {
            System.out.println("huddle-login-shown");
            Platform.exit();
        });
    }

    /** Launched through a plain main class, as JavaFX wants from the class path. */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) {
            Application.launch(EmptyWindow.class, args);
        }
    }
}
