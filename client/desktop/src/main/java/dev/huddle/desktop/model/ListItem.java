package dev.huddle.desktop.model;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A line of the side bar: a project (with its member count) or a direct-message thread, how many
 * messages arrived in it since it was last looked at, and its newest message in one line with how
 * long ago it was ({@link MessagePreview}, {@link RelativeTime}).
 *
 * @param projectId the project's id, or -1 for a direct-message thread
 */
public final class ListItem {

    private final long projectId;
    private final ReadOnlyStringWrapper name;
    private final ReadOnlyIntegerWrapper members = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper previewIsFile = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper("");
    private MessagePreview newest;

    private ListItem(long projectId, String name, int members) {
        this.projectId = projectId;
        this.name = new ReadOnlyStringWrapper(name);
        this.members.set(members);
    }

    static ListItem project(long id, String name, int members) {
        return new ListItem(id, name, members);
    }

    static ListItem dm(String username) {
        return new ListItem(-1, username, 2);
    }

    public long projectId() {
        return projectId;
    }

    public boolean isProject() {
        return projectId >= 0;
    }

    public String name() {
        return name.get();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty membersProperty() {
        return members.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.getReadOnlyProperty();
    }

    public int unread() {
        return unread.get();
    }

    /** The newest message in one line, empty while none is known. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Whether the newest message shares a file (the preview is the file's name). */
    public ReadOnlyBooleanProperty previewIsFileProperty() {
        return previewIsFile.getReadOnlyProperty();
    }

    /** How long ago the newest message was ({@code 5 min}, {@code Mon}), empty while none is known. */
    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    public String preview() {
        return preview.get();
    }

    public String time() {
        return time.get();
    }

    /** The id of the newest message known, or -1. */
    long newestId() {
        return newest == null ? -1 : newest.id();
    }

    /** Shows {@code message} if it is newer than the one shown; says whether it was. */
    boolean newest(MessagePreview message, RelativeTime times) {
        if (message.id() <= newestId()) {
            return false;
        }
        newest = message;
        preview.set(message.text());
        previewIsFile.set(message.file());
        retime(times);
        return true;
    }

    /** Time has passed: {@code now} becomes {@code 1 min}, and so on. */
    void retime(RelativeTime times) {
        if (newest != null) {
            time.set(times.format(newest.at()));
        }
    }

    void rename(String text) {
        name.set(text);
    }

    void members(int count) {
        members.set(count);
    }

    void unreadPlusOne() {
        unread.set(unread.get() + 1);
    }

    void setUnread(int count) {
        unread.set(count);
    }

    void read() {
        unread.set(0);
    }
}
