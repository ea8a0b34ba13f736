package dev.huddle.desktop.model;

import dev.huddle.client.files.Progress;
import dev.huddle.client.files.Transfer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * A file on its way up or down, as the screen shows it: its name, how far it got (0 to 1, the
 * progress bar) and a cancel command. Progress is reported from the transfer's thread and reaches
 * the property on the UI thread, only when it moved by a whole percent.
 */
public final class TransferItem {

    private final String name;
    private final boolean upload;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private volatile Transfer<?> transfer;
    private volatile int shownPercent = -1;

    TransferItem(String name, boolean upload) {
        this.name = name;
        this.upload = upload;
    }

    public String name() {
        return name;
    }

    public boolean upload() {
        return upload;
    }

    /** 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Stops the transfer; nothing is kept of it. */
    public void cancel() {
        Transfer<?> running = transfer;
        if (running != null) {
            running.cancel();
        }
    }

    boolean cancelled() {
        Transfer<?> running = transfer;
        return running != null && running.cancelled();
    }

    void track(Transfer<?> running) {
        this.transfer = running;
    }

    /** The callback the transfer reports to, from its own thread. */
    Progress reporter(UiThread ui) {
        return (done, total) -> {
            int percent = total <= 0 ? 0 : (int) (done * 100 / total);
            if (percent != shownPercent) {
                shownPercent = percent;
                ui.run(() -> progress.set(percent / 100.0));
            }
        };
    }
}
