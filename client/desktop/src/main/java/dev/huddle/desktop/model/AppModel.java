package dev.huddle.desktop.model;

import dev.huddle.client.ClientTls;
import dev.huddle.client.HuddleClient;
import dev.huddle.client.ServerAddress;
import dev.huddle.client.store.ReadMarks;
import dev.huddle.client.store.TokenStore;
import dev.huddle.contracts.ErrorCode;
import java.io.UncheckedIOException;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The whole client: which screen shows (login, register, home) and the models behind them. It
 * remembers the server address and username of the last login ({@link Prefs}) and, when the user
 * asked to be remembered, the session's token ({@link TokenStore}, beside the preferences), so the
 * next start opens logged in while the token is valid; logging out forgets it.
 */
public final class AppModel {

    /** The screens. */
    public enum Screen { LOGIN, REGISTER, HOME, ACCOUNT }

    /** Makes a client for an address, speaking TLS or not ({@code HuddleClient::create}). */
    @FunctionalInterface
    public interface Clients {
        HuddleClient create(ServerAddress address, ClientTls tls);
    }

    static final String SERVER = "server";
    static final String USERNAME = "username";
    static final String REMEMBER = "remember";
    static final String TLS = "tls";
    static final String TLS_CA = "tls.ca";

    private final UiThread ui;
    private final Prefs prefs;
    private final Clients clients;
    private final CallSources sources;
    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(Screen.LOGIN);
    private final ReadOnlyObjectWrapper<HomeModel> home = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<AccountModel> account = new ReadOnlyObjectWrapper<>();
    private final LoginModel login;
    private final RegisterModel register;
    private final TokenStore tokens;

    /**
     * @param defaultServer the address shown when none is remembered
     * @param clients       makes a client for an address ({@code HuddleClient::create})
     */
    public AppModel(UiThread ui, Prefs prefs, String defaultServer, Clients clients) {
        this(ui, prefs, defaultServer, clients, CallSources.synthetic());
    }

    /** As above, with the call's camera, screen and microphone from {@code sources}. */
    public AppModel(UiThread ui, Prefs prefs, String defaultServer, Clients clients, CallSources sources) {
        this.sources = sources;
        this.ui = ui;
        this.prefs = prefs;
        this.clients = clients;
        this.login = new LoginModel(this, prefs.get(SERVER, defaultServer), prefs.get(USERNAME, ""),
            Boolean.parseBoolean(prefs.get(REMEMBER, "false")), Boolean.parseBoolean(prefs.get(TLS, "false")),
            prefs.get(TLS_CA, ""));
        this.register = new RegisterModel(this);
        this.tokens = new TokenStore(prefs.dir().resolve("desktop-token"));
    }

    /**
     * Opens logged in when a remembered token is still valid; otherwise the login page stays (a token
     * refused as expired or revoked is forgotten, one that could not be checked is kept for next time).
     */
    public void start() {
        Optional<String> token = tokens.read();
        if (token.isEmpty()) {
            return;
        }
        ServerAddress address;
        ClientTls tls;
        try {
            address = ServerAddress.parse(login.serverProperty().get());
            tls = login.tls();
        } catch (IllegalArgumentException e) {
            tokens.delete();
            return;
        }
        login.resuming(true);
        HuddleClient client = clients.create(address, tls);
        ui.when(client.resume(token.get()), session -> {
            login.resuming(false);
            loggedIn(client, address, session.username(), true, session.token());
        }, e -> {
            client.close();
            login.resuming(false);
            if (e.code() == ErrorCode.INVALID_TOKEN) {
                tokens.delete();
                login.reset("Your saved session has ended; log in again.");
            } else {
                login.failed(Problems.say(e));
            }
        });
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

    /** The account settings screen's model while logged in, else null. */
    public ReadOnlyObjectProperty<AccountModel> accountProperty() {
        return account.getReadOnlyProperty();
    }

    /** Opens the account settings screen (from the side bar). */
    public void showAccount() {
        if (account.get() != null) {
            account.get().opened();
            screen.set(Screen.ACCOUNT);
        }
    }

    UiThread ui() {
        return ui;
    }

    /**
     * A client for {@code address}, with the TLS setting of the login form.
     *
     * @throws IllegalArgumentException when TLS is on and its CA file cannot be read
     */
    HuddleClient newClient(ServerAddress address) {
        return clients.create(address, login.tls());
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

    void loggedIn(HuddleClient client, ServerAddress address, String username, boolean remember, String token) {
        prefs.put(SERVER, address.text());
        prefs.put(USERNAME, username);
        prefs.put(REMEMBER, Boolean.toString(remember));
        prefs.put(TLS, Boolean.toString(client.tls().enabled()));
        prefs.put(TLS_CA, client.tls().trusted() == null ? "" : client.tls().trusted().toString());
        if (remember) {
            saveQuietly(token);
        } else {
            tokens.delete();
        }
        // written on a background thread: marking a conversation read never waits on the disk
        ReadMarks marks = ReadMarks.in(prefs.dir().resolve("read"), address.text(), username,
            write -> Thread.ofVirtual().start(write));
        HomeModel model = new HomeModel(ui, client, marks, () -> loggedOut(client), sources);
        account.set(new AccountModel(ui, client, () -> screen.set(Screen.HOME)));
        home.set(model);
        screen.set(Screen.HOME);
        model.start();
    }

    /** The window closes: a remembered session stays valid for the next start; any other is logged out. */
    public void stop() {
        HomeModel current = home.get();
        if (current == null) {
            return;
        }
        current.closing();
        if (remembersToken()) {
            current.client().close();
        } else {
            current.logout();
        }
    }

    /** Whether a token is remembered now (the tests look). */
    boolean remembersToken() {
        return tokens.read().isPresent();
    }

    private void saveQuietly(String token) {
        try {
            tokens.save(token);
        } catch (UncheckedIOException e) {
            // not remembered: the session itself goes on
        }
    }

    private void loggedOut(HuddleClient client) {
        tokens.delete();
        if (home.get() != null) {
            home.get().closing();
        }
        client.close();
        account.set(null);
        home.set(null);
        login.reset("You are logged out.");
        screen.set(Screen.LOGIN);
    }
}
