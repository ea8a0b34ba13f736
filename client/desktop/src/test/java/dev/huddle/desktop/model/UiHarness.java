package dev.huddle.desktop.model;

import dev.huddle.client.HuddleClient;
import dev.huddle.desktop.Servers;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Screen models without a window: their UI thread is one plain thread, and the test reads and
 * commands them on it, as a view would on the JavaFX thread.
 */
final class UiHarness implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-ui");
        t.setDaemon(true);
        return t;
    });
    final AppModel app;

    UiHarness(Servers servers, Path home) {
        this(servers, home, HuddleClient::create);
    }

    UiHarness(Servers servers, Path home, AppModel.Clients clients) {
        app = new AppModel(new UiThread(thread::execute), new Prefs(home.resolve("desktop.properties")),
            servers.address().text(), clients);
    }

    /** Reads or does something on the UI thread. */
    <T> T on(Supplier<T> read) {
        Future<T> result = thread.submit(read::get);
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    void run(Runnable action) {
        on(() -> {
            action.run();
            return null;
        });
    }

    HomeModel home() {
        return on(() -> app.homeProperty().get());
    }

    /** Logs in through the login model (server already filled in). */
    void login(String username) {
        run(() -> {
            app.login().usernameProperty().set(username);
            app.login().passwordProperty().set("violet-anchor-93-drum");
            app.login().login();
        });
    }

    /** The window closes (a remembered session stays valid), and this harness is done. */
    void quit() {
        run(app::stop);
        thread.shutdown();
    }

    @Override
    public void close() {
        if (thread.isShutdown()) {
            return;
        }
        HomeModel home = app.homeProperty().get();
        if (home != null) {
            run(home::logout);
        }
        thread.shutdown();
    }
}
