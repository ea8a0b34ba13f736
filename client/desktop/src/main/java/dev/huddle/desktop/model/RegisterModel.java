package dev.huddle.desktop.model;

import dev.huddle.client.HuddleClient;
import dev.huddle.client.ServerAddress;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The register page: username, e-mail, password twice; on success back to login with the name filled in. */
public final class RegisterModel {

    private final AppModel app;
    private final StringProperty server = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirm = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    RegisterModel(AppModel app) {
        this.app = app;
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmProperty() {
        return confirm;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public void register() {
        if (busy.get()) {
            return;
        }
        String problem = check();
        if (problem != null) {
            error.set(problem);
            return;
        }
        ServerAddress address = ServerAddress.parse(server.get());
        busy.set(true);
        error.set("");
        HuddleClient client;
        try {
            client = app.newClient(address);
        } catch (IllegalArgumentException e) {
            busy.set(false);
            error.set("TLS: " + e.getMessage() + ".");
            return;
        }
        String name = username.get().strip();
        app.ui().when(client.register(name, email.get().strip(), password.get()), user -> {
            busy.set(false);
            client.close();
            password.set("");
            confirm.set("");
            app.showLogin(server.get(), name, "Account created. Log in as " + name + ".");
        }, e -> {
            busy.set(false);
            client.close();
            error.set(Problems.say(e));
        });
    }

    /** Back to the login page (Esc). */
    public void cancel() {
        app.showLogin(server.get(), username.get(), "");
    }

    void prefill(String serverText) {
        server.set(serverText);
        error.set("");
    }

    private String check() {
        if (!LoginModel.filled(username) || !LoginModel.filled(email) || !LoginModel.filled(password)) {
            return "Fill in username, e-mail and password.";
        }
        if (!email.get().contains("@")) {
            return "That e-mail address is missing its @.";
        }
        if (!password.get().equals(confirm.get())) {
            return "The two passwords differ.";
        }
        try {
            ServerAddress.parse(server.get());
        } catch (IllegalArgumentException e) {
            return "Server address: " + e.getMessage() + ".";
        }
        return null;
    }
}
