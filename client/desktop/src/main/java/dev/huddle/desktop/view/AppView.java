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
    private HomeView homeView;
    private HomeModel homeOf;

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

    /** The home screen of the current session: kept while it lasts, so coming back from the settings finds it as it was. */
    private HomeView homeView() {
        HomeModel home = model.homeProperty().get();
        if (homeView == null || homeOf != home) {
            homeView = new HomeView(home, model::showAccount);
            homeOf = home;
        }
        return homeView;
    }

    private void show() {
        switch (model.screenProperty().get()) {
            case LOGIN -> {
                homeView = null;
                homeOf = null;
                root.getChildren().setAll(login.root());
                login.focus();
            }
            case REGISTER -> {
                root.getChildren().setAll(register.root());
                register.focus();
            }
            case HOME -> root.getChildren().setAll(homeView().root());
            case ACCOUNT -> {
                AccountView account = new AccountView(model.accountProperty().get());
                root.getChildren().setAll(account.root());
                account.focus();
            }
        }
    }
}
