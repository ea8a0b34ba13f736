package dev.huddle.desktop.model;

import dev.huddle.client.state.MessageLog;
import dev.huddle.client.state.MissedMessages;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.MessagePage;
import io.vertx.core.Future;
import java.util.List;
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
 * or the connection drops) and sending it. Subclasses say how to fetch a page and send a text.
 *
 * @param <T> {@code RoomMessage} or {@code DirectMessage}
 */
public abstract class ConversationModel<T> {

    /** Messages per history page. */
    static final int PAGE = 50;

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
