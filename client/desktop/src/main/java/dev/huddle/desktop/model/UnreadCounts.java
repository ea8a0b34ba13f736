package dev.huddle.desktop.model;

import dev.huddle.client.HuddleClient;
import dev.huddle.client.store.ReadMarks;
import dev.huddle.contracts.chat.DirectMessage;
import dev.huddle.contracts.chat.MessagePage;
import dev.huddle.contracts.chat.RoomMessage;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;

/**
 * Unread counts that survive a restart: how far each conversation was read is kept on this machine
 * ({@link ReadMarks}); on start a conversation's count is what its newest page holds above that mark
 * from someone else (at most a page, shown as such), and from then on it grows live and drops to
 * zero when the conversation is opened. The page read for the count also tells the conversation's
 * newest message, for its line in the side bar.
 */
final class UnreadCounts {

    private static final String DM_PREFIX = "dm.";

    private final UiThread ui;
    private final HuddleClient client;
    private final ReadMarks marks;

    UnreadCounts(UiThread ui, HuddleClient client, ReadMarks marks) {
        this.ui = ui;
        this.client = client;
        this.marks = marks;
    }

    /** The users of the direct-message threads read here before, to list them again. */
    List<String> knownPeers() {
        return marks.all().keySet().stream().filter(k -> k.startsWith(DM_PREFIX))
            .map(k -> k.substring(DM_PREFIX.length())).sorted().toList();
    }

    /** Counts what arrived in a project since it was last read here; its newest message goes to {@code newest}. */
    void countProject(ListItem item, Consumer<RoomMessage> newest) {
        String key = ProjectModel.key(item.projectId());
        count(item, client.history(item.projectId(), null, ConversationModel.PAGE),
            m -> m.id() > marks.get(key) && !isMe(m.username()), newest);
    }

    /** Counts what arrived from a user since the thread was last read here; its newest message goes to {@code newest}. */
    void countDm(ListItem item, Consumer<DirectMessage> newest) {
        String key = DmModel.key(item.name());
        count(item, client.directHistory(item.name(), null, ConversationModel.PAGE),
            m -> m.id() > marks.get(key) && !isMe(m.from().username()), newest);
    }

    /**
     * As {@link #countDm(ListItem, Consumer)} for a thread whose newest message is known: read up to
     * it here already, it counts nothing without asking the server.
     */
    void countDm(ListItem item, DirectMessage newest, Consumer<DirectMessage> newer) {
        if (newest.id() <= marks.get(DmModel.key(item.name()))) {
            item.setUnread(0);
        } else {
            countDm(item, newer);
        }
    }

    /** While {@code model} is on screen, everything it shows counts as read. */
    void readWhileOpen(ConversationModel<?> model, BooleanSupplier open) {
        marks.read(model.key(), model.newestId());
        model.entries().addListener((ListChangeListener<LogEntry>) change -> {
            if (open.getAsBoolean()) {
                marks.read(model.key(), model.newestId());
            }
        });
    }

    /** Writes the marks now (the session or the window ends). */
    void flush() {
        marks.flush();
    }

    void forgetProject(long projectId) {
        marks.forget(ProjectModel.key(projectId));
    }

    private boolean isMe(String username) {
        return client.session() != null && client.session().isMe(username);
    }

    /** The mark is read when the page arrives: a conversation opened meanwhile counts nothing. */
    private <T> void count(ListItem item, Future<MessagePage<T>> page, Predicate<T> unread, Consumer<T> newest) {
        ui.when(page, last -> {
            item.setUnread((int) last.messages().stream().filter(unread).count());
            if (!last.messages().isEmpty()) {
                newest.accept(last.messages().getLast());
            }
        }, e -> {
            // no count this time: the list still works, and live messages still count
        });
    }
}
