package dev.huddle.desktop.model;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import io.vertx.core.Future;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one place where results of network calls and pushed events reach the screens' models: every
 * model field is touched on this thread only (the JavaFX application thread in the app, a plain
 * single thread in model tests), so views can bind to them. Network calls never run here.
 */
public final class UiThread {

    private final Executor executor;

    public UiThread(Executor executor) {
        this.executor = executor;
    }

    /** Runs {@code update} on the UI thread. */
    public void run(Runnable update) {
        executor.execute(update);
    }

    /**
     * Hands a call's outcome to the UI thread: its value to {@code done}, or its error, always a
     * {@link HuddleException} (anything else becomes INTERNAL with no details), to {@code failed}.
     */
    public <T> void when(Future<T> call, Consumer<T> done, Consumer<HuddleException> failed) {
        call.onComplete(result -> run(() -> {
            if (result.succeeded()) {
                done.accept(result.result());
            } else {
                failed.accept(result.cause() instanceof HuddleException h ? h
                    : new HuddleException(ErrorCode.INTERNAL, "something went wrong; try again"));
            }
        }));
    }
}
