package dev.huddle.desktop.model;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A line of the side bar: a project (with its member count) or a direct-message thread, and how many
 * messages arrived in it since it was last looked at.
 *
 * @param projectId the project's id, or -1 for a direct-message thread
 */
public final class ListItem {

    private final long projectId;
    private final ReadOnlyStringWrapper name;
    private final ReadOnlyIntegerWrapper members = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper(0);

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
