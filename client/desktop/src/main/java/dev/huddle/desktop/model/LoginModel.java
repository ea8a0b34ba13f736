package dev.huddle.desktop.model;

import dev.huddle.client.HuddleClient;
import dev.huddle.client.ServerAddress;
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

/** The login page: server address (remembered), username, password; errors said inline. */
public final class LoginModel {

    private final AppModel app;
    private final StringProperty server;
    private final StringProperty username;
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty remember;
    private final BooleanBinding canLogin;

    LoginModel(AppModel app, String server, String username, boolean remember) {
        this.app = app;
        this.remember = new SimpleBooleanProperty(remember);
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

    public StringProperty passwordProperty() {
        return password;
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
        busy.set(true);
        error.set("");
        info.set("");
        HuddleClient client = app.newClient(address);
        String name = username.get().strip();
        app.ui().when(client.login(name, password.get()), session -> {
            busy.set(false);
            password.set("");
            app.loggedIn(client, address, session.username(), remember.get(), session.token());
        }, e -> {
            busy.set(false);
            client.close();
            error.set(Problems.say(e));
        });
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
    }

    void prefill(String serverText, String name) {
        server.set(serverText);
        username.set(name);
    }

    static boolean filled(StringProperty p) {
        return p.get() != null && !p.get().isBlank();
    }
}
