package dev.huddle.desktop.view;

import atlantafx.base.theme.Styles;
import dev.huddle.desktop.model.LoginModel;
import java.io.File;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The login page: binds to {@link LoginModel}, Enter logs in, the link goes to the register page. */
final class LoginView {

    private final Parent root;
    private final TextField username = Forms.text("your username");

    LoginView(LoginModel model) {
        TextField server = Forms.text("localhost, or host:port");
        PasswordField password = Forms.password();
        server.textProperty().bindBidirectional(model.serverProperty());
        username.textProperty().bindBidirectional(model.usernameProperty());
        password.textProperty().bindBidirectional(model.passwordProperty());
        TextField code = Forms.text("6 digits, or a recovery code");
        code.textProperty().bindBidirectional(model.codeProperty());
        Node codeField = Forms.field("_Code from your authenticator app", code, "totp");
        codeField.visibleProperty().bind(model.codeNeededProperty());
        codeField.managedProperty().bind(model.codeNeededProperty());
        model.codeNeededProperty().addListener((o, was, needed) -> {
            if (needed) {
                Platform.runLater(code::requestFocus);
            }
        });

        Button login = new Button("_Log in");
        login.setId("login");
        login.setDefaultButton(true);
        login.getStyleClass().add(Styles.ACCENT);
        login.setMaxWidth(Double.MAX_VALUE);
        login.disableProperty().bind(model.canLoginProperty().not());
        login.setOnAction(e -> model.login());

        CheckBox remember = new CheckBox("_Remember me on this computer");
        remember.setId("remember");
        remember.setMnemonicParsing(true);
        remember.selectedProperty().bindBidirectional(model.rememberProperty());

        CheckBox tls = new CheckBox("Use _TLS (the server has a certificate)");
        tls.setId("use-tls");
        tls.setMnemonicParsing(true);
        tls.selectedProperty().bindBidirectional(model.useTlsProperty());
        TextField ca = Forms.text("empty: the system's certificate authorities");
        ca.textProperty().bindBidirectional(model.caFileProperty());
        Button browse = new Button("Browse…");
        browse.setId("ca-browse");
        browse.setOnAction(e -> chooseCa(ca));
        VBox caField = Forms.field("_CA certificate (PEM), optional", ca, "ca-file");
        HBox caRow = new HBox(6, ca, browse); // takes the field out of the box, beside its button
        HBox.setHgrow(ca, Priority.ALWAYS);
        caField.getChildren().add(caRow);
        caField.visibleProperty().bind(model.useTlsProperty());
        caField.managedProperty().bind(model.useTlsProperty());

        Hyperlink register = new Hyperlink("Create an account");
        register.setId("register-link");
        register.setOnAction(e -> model.register());
        HBox signUp = new HBox(4, new Label("New here?"), register);
        signUp.setAlignment(Pos.CENTER_LEFT);
        Label subtitle = new Label("Team rooms, chat and calls on your own server.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);

        root = Forms.card(Forms.title("Log in to Huddle"), subtitle,
            Forms.field("_Server", server, "server"),
            tls, caField,
            Forms.field("_Username", username, "username"),
            Forms.field("_Password", password, "password"),
            codeField,
            remember,
            Forms.message(model.errorProperty(), Styles.DANGER, "login-error"),
            Forms.message(model.infoProperty(), Styles.SUCCESS, "login-info"),
            login, signUp);
    }

    /** The file chooser only fills in the field; the model reads the file when logging in. */
    private static void chooseCa(TextField ca) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("CA certificate to trust");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PEM certificates", "*.crt", "*.pem"),
            new FileChooser.ExtensionFilter("All files", "*"));
        File chosen = chooser.showOpenDialog(ca.getScene().getWindow());
        if (chosen != null) {
            ca.setText(chosen.getAbsolutePath());
        }
    }

    Parent root() {
        return root;
    }

    void focus() {
        Platform.runLater(username::requestFocus);
    }
}
