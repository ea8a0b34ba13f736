package dev.huddle.desktop.model;

import dev.huddle.client.HuddleClient;
import dev.huddle.client.ServerAddress;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The whole client: which screen shows (login, register, home) and the models behind them. It
 * remembers the server address and username of the last login ({@link Prefs}).
 */
public final class AppModel {

    /** The screens. */
    public enum Screen { LOGIN, REGISTER, HOME }

    static final String SERVER = "server";
    static final String USERNAME = "username";

    private final UiThread ui;
    private final Prefs prefs;
    private final Function<ServerAddress, HuddleClient> clients;
    private final CallSources sources;
    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(Screen.LOGIN);
    private final ReadOnlyObjectWrapper<HomeModel> home = new ReadOnlyObjectWrapper<>();
    private final LoginModel login;
    private final RegisterModel register;

    /**
     * @param defaultServer the address shown when none is remembered
     * @param clients       makes a client for an address ({@code HuddleClient::create})
     */
    public AppModel(UiThread ui, Prefs prefs, String defaultServer, Function<ServerAddress, HuddleClient> clients) {
        this(ui, prefs, defaultServer, clients, CallSources.synthetic());
    }

    /** As above, with the call's camera, screen and microphone from {@code sources}. */
    public AppModel(UiThread ui, Prefs prefs, String defaultServer, Function<ServerAddress, HuddleClient> clients,
                    CallSources sources) {
        this.sources = sources;
        this.ui = ui;
        this.prefs = prefs;
        this.clients = clients;
        this.login = new LoginModel(this, prefs.get(SERVER, defaultServer), prefs.get(USERNAME, ""));
        this.register = new RegisterModel(this);
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    public LoginModel login() {
        return login;
    }

    public RegisterModel register() {
        return register;
    }

    /** The home screen's model while logged in, else null. */
    public ReadOnlyObjectProperty<HomeModel> homeProperty() {
        return home.getReadOnlyProperty();
    }

    UiThread ui() {
        return ui;
    }

    HuddleClient newClient(ServerAddress address) {
        return clients.apply(address);
    }

    void showRegister(String server) {
        register.prefill(server);
        screen.set(Screen.REGISTER);
    }

    void showLogin(String server, String username, String message) {
        login.prefill(server, username);
        login.reset(message);
        screen.set(Screen.LOGIN);
    }

    void loggedIn(HuddleClient client, ServerAddress address, String username) {
        prefs.put(SERVER, address.text());
        prefs.put(USERNAME, username);
        HomeModel model = new HomeModel(ui, client, () -> loggedOut(client), sources);
        home.set(model);
        screen.set(Screen.HOME);
        model.start();
    }

    private void loggedOut(HuddleClient client) {
        client.close();
        home.set(null);
        login.reset("You are logged out.");
        screen.set(Screen.LOGIN);
    }
}
