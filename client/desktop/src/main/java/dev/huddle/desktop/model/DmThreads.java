package dev.huddle.desktop.model;

import dev.huddle.contracts.chat.DirectMessage;
import dev.huddle.contracts.chat.DmThreadList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The side bar's direct-message threads, the one with the newest message first, each showing that
 * message ({@link ListItem}). At start: those read on this computer, then the server's
 * {@code dm_threads} answer (a new computer knows none); from then on every message received or sent
 * moves its thread up, and a first message from someone adds theirs.
 */
final class DmThreads {

    private final ObservableList<ListItem> items = FXCollections.observableArrayList();
    private final UnreadCounts unread;
    private final RelativeTime times;
    private final Supplier<String> me;

    DmThreads(UnreadCounts unread, RelativeTime times, Supplier<String> me) {
        this.unread = unread;
        this.times = times;
        this.me = me;
    }

    ObservableList<ListItem> items() {
        return items;
    }

    /** The threads read on this computer before, listed while the server's list is on its way. */
    List<String> showKnown() {
        List<String> known = unread.knownPeers();
        known.forEach(this::item);
        return known;
    }

    /** The server's list could not be had: the known threads are counted one by one. */
    void countKnown(List<String> known) {
        known.forEach(peer -> unread.countDm(item(peer), this::newest));
    }

    /** The server's threads, newest first, then those only this computer remembers; each counted once. */
    void show(DmThreadList threads) {
        List<ListItem> ordered = new ArrayList<>();
        for (DmThreadList.Item thread : threads.threads()) {
            ListItem item = item(thread.with().username());
            item.newest(MessagePreview.of(thread.last(), me.get()), times);
            ordered.add(item);
            unread.countDm(item, thread.last(), this::newest);
        }
        items.stream().filter(item -> !ordered.contains(item)).forEach(item -> {
            ordered.add(item);
            unread.countDm(item, this::newest);
        });
        items.setAll(ordered);
    }

    /**
     * A direct message received or sent: if it is the newest its thread has seen, the thread shows it
     * and moves up; says whether it was.
     */
    boolean newest(DirectMessage dm) {
        ListItem item = item(dm.peer(me.get()).username());
        if (!item.newest(MessagePreview.of(dm, me.get()), times)) {
            return false;
        }
        List<ListItem> others = new ArrayList<>(items);
        others.remove(item);
        int at = 0;
        while (at < others.size() && others.get(at).newestId() > item.newestId()) {
            at++;
        }
        if (items.indexOf(item) != at) {
            items.remove(item);
            items.add(at, item);
        }
        return true;
    }

    /** The thread with {@code peer}, added at the top if there is none yet. */
    ListItem item(String peer) {
        return items.stream().filter(d -> d.name().equalsIgnoreCase(peer)).findFirst().orElseGet(() -> {
            ListItem item = ListItem.dm(peer);
            items.add(0, item);
            return item;
        });
    }

    void retime() {
        items.forEach(item -> item.retime(times));
    }
}
