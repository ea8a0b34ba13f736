package dev.huddle.desktop.view;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import dev.huddle.desktop.model.RegisterModel;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The register page: username, e-mail, password and confirmation; Esc goes back to login. */
final class RegisterView {

    private final Parent root;
    private final TextField username = Forms.text("letters, digits, . _ -");

    RegisterView(RegisterModel model) {
        TextField server = Forms.text("localhost, or host:port");
        TextField email = Forms.text("you@example.com");
        PasswordField password = Forms.password();
        PasswordField confirm = Forms.password();
        server.textProperty().bindBidirectional(model.serverProperty());
        username.textProperty().bindBidirectional(model.usernameProperty());
        email.textProperty().bindBidirectional(model.emailProperty());
        password.textProperty().bindBidirectional(model.passwordProperty());
        confirm.textProperty().bindBidirectional(model.confirmProperty());

        Button create = new Button("_Create account");
        create.setId("reg-submit");
        create.setDefaultButton(true);
        create.getStyleClass().add(Styles.ACCENT);
        create.disableProperty().bind(model.busyProperty());
        create.setOnAction(e -> model.register());
        Button back = new Button("_Back to login");
        back.setId("reg-back");
        back.setCancelButton(true);
        back.setOnAction(e -> model.cancel());
        HBox.setHgrow(create, Priority.ALWAYS);
        create.setMaxWidth(Double.MAX_VALUE);

        root = Forms.card(Forms.title("Create your account"),
            Forms.field("_Server", server, "reg-server"),
            Forms.field("_Username", username, "reg-username"),
            Forms.field("_E-mail", email, "reg-email"),
            Forms.field("_Password (at least 8 characters)", password, "reg-password"),
            Forms.field("C_onfirm password", confirm, "reg-confirm"),
            Forms.message(model.errorProperty(), Styles.DANGER, "reg-error"),
            new HBox(8, back, create));
    }

    Parent root() {
        return root;
    }

    void focus() {
        Platform.runLater(username::requestFocus);
    }
}
