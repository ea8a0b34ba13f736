package dev.huddle.desktop.model;

import dev.huddle.client.HuddleClient;
import dev.huddle.client.files.FileNames;
import dev.huddle.client.files.Transfer;
import dev.huddle.client.state.MessageLog;
import dev.huddle.client.state.MissedMessages;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.FileInfo;
import dev.huddle.contracts.chat.FileTarget;
import dev.huddle.contracts.chat.MessagePage;
import io.vertx.core.Future;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What a room and a direct-message thread have in common on screen: the log (whole history oldest →
 * newest, older pages on demand, new messages live), the text being typed (kept when sending fails
 * or the connection drops) and sending it, and files: sending them (each a {@link TransferItem} with
 * progress and cancel; the file's message arrives like any other), saving a shared file (its SHA-256
 * checked) and fetching a shared picture for its thumbnail. Subclasses say how to fetch a page and
 * send a text, and where files go.
 *
 * @param <T> {@code RoomMessage} or {@code DirectMessage}
 */
public abstract class ConversationModel<T> {

    /** Messages per history page. */
    static final int PAGE = 50;
    /** The largest picture fetched to show inline; a larger one is offered for download only. */
    static final long THUMBNAIL_MAX_BYTES = 8L * 1024 * 1024;

    protected final UiThread ui;
    private final ToLongFunction<T> id;
    private final MessageLog<T> log;
    private final ObservableList<LogEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<LogEntry> readOnlyEntries = FXCollections.unmodifiableObservableList(entries);
    private final StringProperty draft = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper olderExist = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<TransferItem> transfers = FXCollections.observableArrayList();
    private final Map<Long, Future<byte[]>> pictures = new HashMap<>();
    private final ReadOnlyStringWrapper fileStatus = new ReadOnlyStringWrapper("");
    private boolean shown;

    /** @param log where the messages are kept (a room's lives in its {@code RoomState}) */
    protected ConversationModel(UiThread ui, MessageLog<T> log, ToLongFunction<T> id) {
        this.ui = ui;
        this.id = id;
        this.log = log;
    }

    /** Reads a page before {@code beforeId} (null: the newest). */
    protected abstract Future<MessagePage<T>> page(Long beforeId, int limit);

    /** Sends a text; the future holds the stored message. */
    protected abstract Future<T> post(String text);

    /** The log line for a message. */
    protected abstract LogEntry entry(T message);

    protected MessageLog<T> log() {
        return log;
    }

    public ObservableList<LogEntry> entries() {
        return readOnlyEntries;
    }

    /** Where this conversation's files go. */
    protected abstract FileTarget fileTarget();

    /** Which conversation this is, e.g. {@code project.7} or {@code dm.bob}: its draft and read mark are kept under it. */
    public abstract String key();

    /** The client behind the conversation. */
    protected abstract HuddleClient client();

    /** The newest message id loaded, or 0 when none. */
    public long newestId() {
        return log.newestId();
    }

    /** Files being sent or saved now. */
    public ObservableList<TransferItem> transfers() {
        return FXCollections.unmodifiableObservableList(transfers);
    }

    /** What the last file saved did ({@code Saved report.pdf}), for people; empty when nothing. */
    public ReadOnlyStringProperty fileStatusProperty() {
        return fileStatus.getReadOnlyProperty();
    }

    /** Sends files (the attach button, or dropped on the conversation), one transfer each. */
    public void attach(List<Path> files) {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                error.set(file.getFileName() + " is not a file.");
                continue;
            }
            TransferItem item = new TransferItem(file.getFileName().toString(), true);
            transfers.add(item);
            try {
                Transfer<Long> upload = client().files().upload(fileTarget(), file, item.reporter(ui));
                item.track(upload);
                ui.when(upload.result(), id -> {
                    transfers.remove(item);
                    uploaded();
                }, e -> transferFailed(item, e));
            } catch (HuddleException e) {
                transferFailed(item, e);
            }
        }
    }

    /**
     * Saves a shared file in {@code folder} under its name (made safe, never replacing a file there)
     * once its bytes match the SHA-256 its message announced.
     */
    public void download(FileInfo file, Path folder) {
        Path target = FileNames.free(folder, file.name());
        TransferItem item = new TransferItem(file.name(), false);
        transfers.add(item);
        fileStatus.set("");
        try {
            Transfer<Path> download = client().files().download(file, target, item.reporter(ui));
            item.track(download);
            ui.when(download.result(), saved -> {
                transfers.remove(item);
                fileStatus.set("Saved " + file.name() + " (SHA-256 checked) to " + saved);
            }, e -> transferFailed(item, e));
        } catch (HuddleException e) {
            transferFailed(item, e);
        }
    }

    /**
     * Hands a shared picture's bytes to {@code shown} (on the UI thread) for its thumbnail, fetched
     * once per conversation screen; nothing for a picture that cannot be fetched (it keeps its
     * download button).
     */
    public void picture(FileInfo file, Consumer<byte[]> shown) {
        Future<byte[]> bytes = pictures.computeIfAbsent(file.id(), id -> {
            try {
                return client().files().fetch(file, THUMBNAIL_MAX_BYTES).result();
            } catch (HuddleException e) {
                return Future.failedFuture(e);
            }
        });
        ui.when(bytes, shown, e -> {
            // no thumbnail: the line and its download button remain
        });
    }

    /** The text in the input; the view binds it both ways. */
    public StringProperty draftProperty() {
        return draft;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The last refusal or failure, for people; empty when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty olderExistProperty() {
        return olderExist.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    /** Loads the newest page. */
    public void load() {
        loading.set(true);
        ui.when(page(null, PAGE), this::addPage, this::fail);
    }

    /** Loads the page before the oldest message shown, if there is one and none is loading. */
    public void loadOlder() {
        if (loading.get() || !log.olderExist() || log.oldestId() == null) {
            return;
        }
        loading.set(true);
        ui.when(page(log.oldestId(), PAGE), this::addPage, this::fail);
    }

    /** Sends the draft; it is cleared once stored, and kept (with an error) when sending fails. */
    public void send() {
        String text = draft.get();
        if (text == null || text.isBlank() || sending.get()) {
            return;
        }
        sending.set(true);
        error.set("");
        ui.when(post(text), message -> {
            sending.set(false);
            if (text.equals(draft.get())) {
                draft.set("");
            }
            arrived(message);
        }, e -> {
            sending.set(false);
            fail(e);
        });
    }

    /** After a reconnect: whatever arrived while the connection was down. */
    public void catchUp() {
        ui.when(MissedMessages.since(log.newestId(), this::page, id), missed -> missed.forEach(this::arrived),
            this::fail);
    }

    /** A message from an event or a reply: shown once, at the end. */
    protected void arrived(T message) {
        if (log.add(message)) {
            show(message);
        }
    }

    /** A file of this user's is stored; its message arrives as an event unless a subclass says otherwise. */
    protected void uploaded() {
    }

    /** Shows a message already in the log, at the end. */
    protected void show(T message) {
        entries.add(entry(message));
    }

    protected void notice(LogEntry notice) {
        entries.add(notice);
    }

    protected void setTitle(String text) {
        title.set(text);
    }

    protected void fail(HuddleException e) {
        loading.set(false);
        error.set(Problems.say(e));
    }

    protected void clearError() {
        error.set("");
    }

    private void transferFailed(TransferItem item, HuddleException e) {
        transfers.remove(item);
        if (!item.cancelled()) {
            error.set(item.name() + ": " + Problems.say(e));
        }
    }

    private void addPage(MessagePage<T> page) {
        loading.set(false);
        List<T> added = log.addPage(page);
        if (!shown) {
            // the first page on this screen: the log may hold messages that arrived while it was closed
            shown = true;
            List<LogEntry> notices = entries.stream().filter(LogEntry::notice).toList();
            entries.setAll(log.messages().stream().map(this::entry).toList());
            entries.addAll(notices);
        } else {
            // an older page goes above what is shown
            entries.addAll(0, added.stream().map(this::entry).toList());
        }
        olderExist.set(log.olderExist());
    }
}
