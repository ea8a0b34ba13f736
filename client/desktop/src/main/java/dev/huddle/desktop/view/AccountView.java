package dev.huddle.desktop.view;

import atlantafx.base.theme.Styles;
import dev.huddle.desktop.model.AccountModel;
import dev.huddle.desktop.model.AccountModel.Totp;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The account settings page: binds to {@link AccountModel}. The secret, its URI and the recovery
 * codes are read-only text fields, so they can be selected and copied; Esc goes back.
 */
final class AccountView {

    private final ScrollPane root;
    private final PasswordField current = Forms.password();

    AccountView(AccountModel model) {
        Button back = new Button("← _Back");
        back.setId("account-back");
        back.setMinWidth(Region.USE_PREF_SIZE);
        back.setOnAction(e -> model.back());
        Label title = Forms.title("Account: " + model.username());
        title.setId("account-title");
        title.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, back);
        head.setAlignment(Pos.CENTER_LEFT);

        VBox password = column(heading("Password"), passwordSection(model));
        VBox twoFactor = column(heading("Two-factor login"), totpSection(model));
        HBox columns = new HBox(24, password, new Separator(Orientation.VERTICAL), twoFactor);
        StackPane card = Forms.card(780, head,
            Forms.message(model.errorProperty(), Styles.DANGER, "account-error"),
            Forms.message(model.infoProperty(), Styles.SUCCESS, "account-info"),
            columns);
        root = new ScrollPane(card);
        root.setFitToWidth(true);
        // the card stays centred while it fits, and scrolls instead of squeezing its text when it does not
        card.minHeightProperty().bind(Bindings.createDoubleBinding(() -> root.getViewportBounds().getHeight(),
            root.viewportBoundsProperty()));
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.back();
            }
        });
    }

    Parent root() {
        return root;
    }

    void focus() {
        Platform.runLater(current::requestFocus);
    }

    private Node passwordSection(AccountModel model) {
        PasswordField next = Forms.password();
        PasswordField repeat = Forms.password();
        current.textProperty().bindBidirectional(model.currentPasswordProperty());
        next.textProperty().bindBidirectional(model.newPasswordProperty());
        repeat.textProperty().bindBidirectional(model.repeatPasswordProperty());
        repeat.setOnAction(e -> model.changePassword());
        Button change = new Button("_Change password");
        change.setId("change-password");
        change.disableProperty().bind(model.canChangePasswordProperty().not());
        change.setOnAction(e -> model.changePassword());
        return new VBox(8, Forms.field("C_urrent password", current, "current-password"),
            Forms.field("_New password", next, "new-password"),
            Forms.field("_Repeat the new password", repeat, "repeat-password"),
            muted("Your other sessions (other computers, the CLI) are logged out; this one stays."),
            change);
    }

    private Node totpSection(AccountModel model) {
        Label checking = muted("Checking…");
        shownWhen(checking, model.totpProperty().isEqualTo(Totp.UNKNOWN));

        Button start = new Button("_Turn on two-factor login");
        start.setId("totp-start");
        start.disableProperty().bind(model.busyProperty());
        start.setOnAction(e -> model.startTotp());
        Node off = shownWhen(new VBox(8, muted("Off: your password alone logs you in. With it on, logging in also"
            + " asks for a code from an authenticator app on your phone."), start), model.totpProperty().isEqualTo(Totp.OFF));

        TextField code = Forms.text("6 digits");
        code.textProperty().bindBidirectional(model.codeProperty());
        Button confirm = new Button("C_onfirm");
        confirm.setId("totp-confirm");
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.disableProperty().bind(model.canConfirmProperty().not());
        confirm.setOnAction(e -> model.confirmTotp());
        code.setOnAction(e -> model.confirmTotp());
        Button cancel = new Button("Cancel");
        cancel.setId("totp-cancel");
        cancel.setOnAction(e -> model.cancelTotp());
        Node enrolling = shownWhen(new VBox(8,
            muted("Add this secret to your authenticator app (or open the otpauth:// link with it), then type the"
                + " code it shows."),
            copyable("Secret", model.secretProperty(), "totp-secret", 1),
            copyable("otpauth:// URI", model.otpauthUriProperty(), "totp-uri", 3),
            Forms.field("Code from the _app", code, "totp-code"),
            new HBox(8, confirm, cancel)), model.totpProperty().isEqualTo(Totp.ENROLLING));

        Node codes = shownWhen(copyable("Recovery codes (shown this once)", model.recoveryCodesProperty(),
            "recovery-codes", 10), model.recoveryCodesProperty().isNotEmpty());
        PasswordField password = Forms.password();
        password.textProperty().bindBidirectional(model.disablePasswordProperty());
        TextField disableCode = Forms.text("6 digits, or a recovery code");
        disableCode.textProperty().bindBidirectional(model.codeProperty());
        Button disable = new Button("Turn _off two-factor login");
        disable.setId("totp-disable");
        disable.getStyleClass().add(Styles.DANGER);
        disable.disableProperty().bind(model.canDisableProperty().not());
        disable.setOnAction(e -> model.disableTotp());
        Node on = shownWhen(new VBox(8, muted("On: logging in asks for a code from your authenticator app."),
            codes, Forms.field("_Password", password, "totp-disable-password"),
            Forms.field("Code from the app", disableCode, "totp-disable-code"), disable),
            model.totpProperty().isEqualTo(Totp.ON));
        return new VBox(8, checking, off, enrolling, on);
    }

    private static VBox column(Node... content) {
        VBox column = new VBox(10, content);
        column.setPrefWidth(340);
        HBox.setHgrow(column, Priority.ALWAYS);
        return column;
    }

    /** Read-only text that can be selected and copied; an area of {@code rows} lines when it may be long. */
    private static Node copyable(String caption, ObservableValue<String> text, String id, int rows) {
        TextInputControl field = rows > 1 ? new TextArea() : new TextField();
        if (field instanceof TextArea lines) {
            lines.setWrapText(true);
            lines.setPrefRowCount(rows);
        }
        field.setEditable(false);
        field.textProperty().bind(text);
        field.getStyleClass().add(Styles.TEXT_SMALL);
        return Forms.field(caption, field, id);
    }

    private static <T extends Node> T shownWhen(T node, BooleanExpression shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
        return node;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }
}
