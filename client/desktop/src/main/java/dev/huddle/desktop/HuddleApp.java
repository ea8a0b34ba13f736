package dev.huddle.desktop;

import dev.huddle.client.HuddleClient;
import dev.huddle.desktop.model.AppModel;
import dev.huddle.desktop.model.DeviceCallSources;
import dev.huddle.desktop.model.Prefs;
import dev.huddle.desktop.model.UiThread;
import dev.huddle.desktop.view.AppView;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: one window whose scene shows the current screen. {@code HUDDLE_SERVER}
 * (e.g. {@code 127.0.0.1} or {@code host:8081,8082,8083}) fills in the server address when none is
 * remembered yet.
 */
public final class HuddleApp extends Application {

    private AppModel model;

    @Override
    public void start(Stage stage) {
        String server = System.getenv().getOrDefault("HUDDLE_SERVER", "127.0.0.1");
        model = new AppModel(new UiThread(Platform::runLater), Prefs.inHome(), server, HuddleClient::create,
            DeviceCallSources.here(why -> System.err.println("huddle: " + why)));
        open(stage, model);
        model.start();
        if (Boolean.getBoolean("huddle.measure.startup")) {
            // the start-up benchmark (benchmarks: DesktopBench) times the launch up to this line
            Platform.runLater(() -> {
                System.out.println("huddle-login-shown");
                Platform.exit();
            });
        }
    }

    /** Shows the client for {@code model} in {@code stage}; the tests open it the same way. */
    public static AppView open(Stage stage, AppModel model) {
        AppView view = new AppView(model);
        Scene scene = new Scene(view.root(), 1100, 720);
        stage.setTitle("Huddle");
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.setScene(scene);
        stage.show();
        return view;
    }

    @Override
    public void stop() {
        if (model != null) {
            model.stop();
        }
    }
}
