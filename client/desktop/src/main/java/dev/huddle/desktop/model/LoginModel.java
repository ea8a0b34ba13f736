package dev.huddle.desktop.model;

import dev.huddle.client.ClientTls;
import dev.huddle.client.HuddleClient;
import dev.huddle.client.ServerAddress;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The login page: server address (remembered), username, password; errors said inline. When the
 * server answers that the account has two-factor login on, a code field appears and the next login
 * sends its code (from the authenticator app, or a recovery code). "Use TLS" speaks TLS to every
 * port, trusting the JDK's certificate authorities or, when a CA file is given, the certificates in
 * it (the {@code ca.crt} of {@code ./huddle certs}); both are remembered with the address. There is
 * deliberately no "trust any certificate" here: that is the CLI's {@code --insecure}, for testing.
 */
public final class LoginModel {

    private final AppModel app;
    private final StringProperty server;
    private final StringProperty username;
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper codeNeeded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty remember;
    private final BooleanProperty useTls;
    private final StringProperty caFile;
    private final BooleanBinding canLogin;

    LoginModel(AppModel app, String server, String username, boolean remember, boolean useTls, String caFile) {
        this.app = app;
        this.remember = new SimpleBooleanProperty(remember);
        this.useTls = new SimpleBooleanProperty(useTls);
        this.caFile = new SimpleStringProperty(caFile);
        this.server = new SimpleStringProperty(server);
        this.username = new SimpleStringProperty(username);
        this.canLogin = Bindings.createBooleanBinding(() -> !busy.get() && filled(this.server) && filled(this.username)
            && filled(password), busy, this.server, this.username, password);
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    /** "Remember me": keep the session on this computer until logout or until it expires. */
    public BooleanProperty rememberProperty() {
        return remember;
    }

    /** Speak TLS to the server (its ports must have TLS on: {@code HUDDLE_TLS_CERT}). */
    public BooleanProperty useTlsProperty() {
        return useTls;
    }

    /** With TLS: a PEM file of the certificates to trust instead of the JDK's (empty: the JDK's). */
    public StringProperty caFileProperty() {
        return caFile;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** The second factor: a 6-digit code from the authenticator app, or a recovery code. */
    public StringProperty codeProperty() {
        return code;
    }

    /** True once the server said this account needs a code. */
    public ReadOnlyBooleanProperty codeNeededProperty() {
        return codeNeeded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** A remark that is not an error, e.g. "Account created". */
    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canLoginProperty() {
        return canLogin;
    }

    public void login() {
        if (!canLogin.get()) {
            return;
        }
        ServerAddress address;
        try {
            address = ServerAddress.parse(server.get());
        } catch (IllegalArgumentException e) {
            error.set("Server address: " + e.getMessage() + ".");
            return;
        }
        HuddleClient client;
        try {
            client = app.newClient(address);
        } catch (IllegalArgumentException e) {
            error.set("TLS: " + e.getMessage() + ".");
            return;
        }
        busy.set(true);
        error.set("");
        info.set("");
        String name = username.get().strip();
        String given = codeNeeded.get() && filled(code) ? code.get().strip() : null;
        app.ui().when(client.login(name, password.get(), given), session -> {
            busy.set(false);
            password.set("");
            forgetCode();
            app.loggedIn(client, address, session.username(), remember.get(), session.token());
        }, e -> {
            busy.set(false);
            client.close();
            code.set("");
            ErrorCode refusal = e instanceof HuddleException h ? h.code() : null;
            if (refusal == ErrorCode.TOTP_REQUIRED) {
                codeNeeded.set(true);
                error.set("Enter the code from your authenticator app (or a recovery code).");
            } else if (refusal == ErrorCode.INVALID_CREDENTIALS && given != null) {
                error.set("Wrong password or code. Each code works once: wait for the next one.");
            } else {
                error.set(Problems.say(e));
            }
        });
    }

    /**
     * The TLS setting the form describes.
     *
     * @throws IllegalArgumentException when TLS is on and the CA file cannot be read
     */
    ClientTls tls() {
        if (!useTls.get()) {
            return ClientTls.OFF;
        }
        return filled(caFile) ? ClientTls.trusting(Path.of(caFile.get().strip())) : ClientTls.systemTrust();
    }

    public void register() {
        app.showRegister(server.get());
    }

    /** A remembered session is being taken up: the form waits. */
    void resuming(boolean on) {
        busy.set(on);
        info.set(on ? "Signing you back in…" : "");
    }

    void failed(String message) {
        error.set(message);
    }

    void reset(String message) {
        info.set(message);
        error.set("");
        password.set("");
        forgetCode();
    }

    private void forgetCode() {
        code.set("");
        codeNeeded.set(false);
    }

    void prefill(String serverText, String name) {
        server.set(serverText);
        username.set(name);
    }

    static boolean filled(StringProperty p) {
        return p.get() != null && !p.get().isBlank();
    }
}
