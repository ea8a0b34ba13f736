package dev.huddle.desktop.model;

import dev.huddle.client.HuddleClient;
import dev.huddle.client.store.ReadMarks;
import dev.huddle.contracts.chat.MessagePage;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;

/**
 * Unread counts that survive a restart: how far each conversation was read is kept on this machine
 * ({@link ReadMarks}); on start a conversation's count is what its newest page holds above that mark
 * from someone else (at most a page, shown as such), and from then on it grows live and drops to
 * zero when the conversation is opened.
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

    /** Counts what arrived in a project since it was last read here. */
    void countProject(ListItem item) {
        String key = ProjectModel.key(item.projectId());
        count(item, client.history(item.projectId(), null, ConversationModel.PAGE),
            m -> m.id() > marks.get(key) && !isMe(m.username()));
    }

    /** Counts what arrived from a user since the thread was last read here. */
    void countDm(ListItem item) {
        String key = DmModel.key(item.name());
        count(item, client.directHistory(item.name(), null, ConversationModel.PAGE),
            m -> m.id() > marks.get(key) && !isMe(m.from().username()));
    }

    /**
     * As {@link #countDm(ListItem)} for a thread whose newest message is {@code newestId}: read up to
     * it here already, it counts nothing without asking the server.
     */
    void countDm(ListItem item, long newestId) {
        if (newestId <= marks.get(DmModel.key(item.name()))) {
            item.setUnread(0);
        } else {
            countDm(item);
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
    private <T> void count(ListItem item, Future<MessagePage<T>> page, Predicate<T> unread) {
        ui.when(page, newest -> item.setUnread((int) newest.messages().stream().filter(unread).count()), e -> {
            // no count this time: the list still works, and live messages still count
        });
    }
}
