package dev.huddle.desktop.view;

import dev.huddle.desktop.model.AppModel;
import dev.huddle.desktop.model.HomeModel;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;

/** The window's content: the view of whichever screen the model says is showing. */
public final class AppView {

    private final StackPane root = new StackPane();
    private final AppModel model;
    private final LoginView login;
    private final RegisterView register;

    public AppView(AppModel model) {
        this.model = model;
        Theme.light();
        this.login = new LoginView(model.login());
        this.register = new RegisterView(model.register());
        model.screenProperty().addListener((o, was, now) -> show());
        show();
    }

    public Parent root() {
        return root;
    }

    private void show() {
        switch (model.screenProperty().get()) {
            case LOGIN -> {
                root.getChildren().setAll(login.root());
                login.focus();
            }
            case REGISTER -> {
                root.getChildren().setAll(register.root());
                register.focus();
            }
            case HOME -> {
                HomeModel home = model.homeProperty().get();
                root.getChildren().setAll(new HomeView(home).root());
            }
        }
    }
}
