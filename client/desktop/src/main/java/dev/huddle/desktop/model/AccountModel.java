package dev.huddle.desktop.model;

import dev.huddle.client.HuddleClient;
import dev.huddle.client.http.TotpEnrolment;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The account settings screen: change the password, and turn two-factor login (TOTP) on or off.
 * Turning it on is three steps the server keeps apart: enrol (a secret for the authenticator app,
 * shown with its {@code otpauth://} URI to copy), confirm with the app's first code, then the
 * single-use recovery codes, shown this once. A password change ends the account's other sessions;
 * this one goes on with its token, and the screen says so.
 */
public final class AccountModel {

    /** Where two-factor login stands, as far as this screen knows. */
    public enum Totp { UNKNOWN, OFF, ENROLLING, ON }

    private final UiThread ui;
    private final HuddleClient client;
    private final Runnable back;
    private final StringProperty currentPassword = new SimpleStringProperty("");
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final StringProperty repeatPassword = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty disablePassword = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Totp> totp = new ReadOnlyObjectWrapper<>(Totp.UNKNOWN);
    private final ReadOnlyStringWrapper secret = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper otpauthUri = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper recoveryCodes = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canChangePassword;
    private final BooleanBinding canConfirm;
    private final BooleanBinding canDisable;

    AccountModel(UiThread ui, HuddleClient client, Runnable back) {
        this.ui = ui;
        this.client = client;
        this.back = back;
        this.canChangePassword = Bindings.createBooleanBinding(() -> !busy.get() && LoginModel.filled(currentPassword)
            && LoginModel.filled(newPassword) && LoginModel.filled(repeatPassword),
            busy, currentPassword, newPassword, repeatPassword);
        this.canConfirm = Bindings.createBooleanBinding(() -> !busy.get() && totp.get() == Totp.ENROLLING
            && LoginModel.filled(code), busy, totp, code);
        this.canDisable = Bindings.createBooleanBinding(() -> !busy.get() && totp.get() == Totp.ON
            && LoginModel.filled(disablePassword) && LoginModel.filled(code), busy, totp, disablePassword, code);
    }

    public String username() {
        return client.session() == null ? "" : client.session().username();
    }

    public StringProperty currentPasswordProperty() {
        return currentPassword;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty repeatPasswordProperty() {
        return repeatPassword;
    }

    /** A code from the authenticator app: confirms the enrolment, or (with the password) turns it off. */
    public StringProperty codeProperty() {
        return code;
    }

    /** The password that turning two-factor login off asks for again. */
    public StringProperty disablePasswordProperty() {
        return disablePassword;
    }

    public ReadOnlyObjectProperty<Totp> totpProperty() {
        return totp.getReadOnlyProperty();
    }

    /** While enrolling: the secret to type into the authenticator app. */
    public ReadOnlyStringProperty secretProperty() {
        return secret.getReadOnlyProperty();
    }

    /** While enrolling: the same secret as an {@code otpauth://} URI (what a QR code carries). */
    public ReadOnlyStringProperty otpauthUriProperty() {
        return otpauthUri.getReadOnlyProperty();
    }

    /** Right after turning two-factor login on: the recovery codes, one a line; empty otherwise. */
    public ReadOnlyStringProperty recoveryCodesProperty() {
        return recoveryCodes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canChangePasswordProperty() {
        return canChangePassword;
    }

    public BooleanBinding canConfirmProperty() {
        return canConfirm;
    }

    public BooleanBinding canDisableProperty() {
        return canDisable;
    }

    /** The screen opens: what the server says about two-factor login now; nothing secret is kept from before. */
    void opened() {
        totp.set(Totp.UNKNOWN); // an enrolment left unconfirmed is not resumed: the server says where it stands
        clearSecrets();
        code.set("");
        error.set("");
        info.set("");
        call(client.totpEnabled(), on -> totp.set(on ? Totp.ON : Totp.OFF));
    }

    /** Back to the conversations (Esc). */
    public void back() {
        clearSecrets();
        back.run();
    }

    public void changePassword() {
        if (!canChangePassword.get()) {
            return;
        }
        if (!newPassword.get().equals(repeatPassword.get())) {
            error.set("The two new passwords differ.");
            info.set("");
            return;
        }
        call(client.changePassword(currentPassword.get(), newPassword.get()), ended -> {
            currentPassword.set("");
            newPassword.set("");
            repeatPassword.set("");
            info.set("Password changed. " + switch (ended) {
                case 0 -> "You had no other sessions;";
                case 1 -> "Your 1 other session was logged out;";
                default -> "Your " + ended + " other sessions were logged out;";
            } + " this one stays logged in. Use the new password from now on.");
        });
    }

    /** Starts two-factor login: the secret and its URI appear, waiting for a first code. */
    public void startTotp() {
        if (busy.get() || totp.get() != Totp.OFF) {
            return;
        }
        call(client.enrolTotp(), (TotpEnrolment enrolment) -> {
            secret.set(enrolment.secret());
            otpauthUri.set(enrolment.otpauthUri());
            recoveryCodes.set("");
            code.set("");
            totp.set(Totp.ENROLLING);
            info.set("Add the secret to your authenticator app, then enter the code it shows.");
        });
    }

    public void confirmTotp() {
        if (!canConfirm.get()) {
            return;
        }
        call(client.confirmTotp(code.get()), (List<String> codes) -> {
            clearSecrets();
            code.set("");
            recoveryCodes.set(String.join("\n", codes));
            totp.set(Totp.ON);
            info.set("Two-factor login is on. Keep the recovery codes below somewhere safe: each one logs you in"
                + " once without the app, and they are not shown again.");
        });
    }

    /** Gives up an enrolment that was never confirmed: two-factor login stays off. */
    public void cancelTotp() {
        if (totp.get() == Totp.ENROLLING) {
            clearSecrets();
            code.set("");
            totp.set(Totp.OFF);
            info.set("");
        }
    }

    public void disableTotp() {
        if (!canDisable.get()) {
            return;
        }
        call(client.disableTotp(disablePassword.get(), code.get()), v -> {
            disablePassword.set("");
            code.set("");
            recoveryCodes.set("");
            totp.set(Totp.OFF);
            info.set("Two-factor login is off: your password alone logs you in.");
        });
    }

    private <T> void call(Future<T> request, Consumer<T> done) {
        busy.set(true);
        error.set("");
        info.set("");
        ui.when(request, result -> {
            busy.set(false);
            done.accept(result);
        }, e -> {
            busy.set(false);
            error.set(say(e));
        });
    }

    private static String say(HuddleException e) {
        if (e.code() == ErrorCode.INVALID_CREDENTIALS) {
            return "Wrong password or code. Each code works once: wait for the next one.";
        }
        return Problems.say(e);
    }

    private void clearSecrets() {
        secret.set("");
        otpauthUri.set("");
        recoveryCodes.set("");
    }
}
