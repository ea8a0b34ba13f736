package dev.huddle.desktop.model;

import dev.huddle.client.HuddleClient;
import dev.huddle.client.state.RoomState;
import dev.huddle.contracts.chat.FileTarget;
import dev.huddle.contracts.chat.MessagePage;
import dev.huddle.contracts.chat.RoomMessage;
import dev.huddle.contracts.chat.ServerEvent;
import dev.huddle.contracts.room.Projects;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The project view: members (owner marked, who is online), what the owner may do to them (add by
 * name with a result per name, kick, hand over), leaving, and the room's chat. Closes itself, with
 * a notice, when this user is removed or the project is deleted.
 */
public final class ProjectModel extends ConversationModel<RoomMessage> {

    private final HuddleClient client;
    private final RoomState room;
    private final ObservableList<RoomState.MemberView> members = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper owner = new ReadOnlyBooleanWrapper(false);
    private final StringProperty newMembers = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper addResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper closedNotice = new ReadOnlyStringWrapper("");
    private final CallModel call;

    ProjectModel(UiThread ui, HuddleClient client, RoomState room, CallModel call) {
        super(ui, room.log(), RoomMessage::id);
        this.call = call;
        this.client = client;
        this.room = room;
        setTitle(room.name());
    }

    public long projectId() {
        return room.projectId();
    }

    /** The room's call (the call panel's model). */
    public CallModel call() {
        return call;
    }

    public ObservableList<RoomState.MemberView> members() {
        return FXCollections.unmodifiableObservableList(members);
    }

    /** Whether this user owns the project: the owner's controls show only then. */
    public ReadOnlyBooleanProperty ownerProperty() {
        return owner.getReadOnlyProperty();
    }

    /** Names to add, {@code a, b; c}; the view binds it both ways. */
    public StringProperty newMembersProperty() {
        return newMembers;
    }

    /** The outcome per name of the last add: {@code bob: added · zed: no such user}. */
    public ReadOnlyStringProperty addResultProperty() {
        return addResult.getReadOnlyProperty();
    }

    /** True once this user is out of the room; the view closes and shows {@link #closedNoticeProperty}. */
    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty closedNoticeProperty() {
        return closedNotice.getReadOnlyProperty();
    }

    /** Loads members and the newest page of history. */
    @Override
    public void load() {
        refreshMembers();
        call.load();
        super.load();
    }

    public void addMembers() {
        String names = newMembers.get();
        if (names == null || names.isBlank()) {
            return;
        }
        clearError();
        ui.when(client.addMembers(projectId(), names), changed -> {
            addResult.set(changed.results().stream().map(Projects.Outcome::describe)
                .collect(Collectors.joining(" · ")));
            if (names.equals(newMembers.get())) {
                newMembers.set("");
            }
            showMembers(changed.project());
        }, this::fail);
    }

    public void kick(String username) {
        clearError();
        ui.when(client.kick(projectId(), username), v -> refreshMembers(), this::fail);
    }

    public void handOver(String username) {
        clearError();
        ui.when(client.handOver(projectId(), username), v -> refreshMembers(), this::fail);
    }

    /** Leaves the project (an owner hands over first); the view closes. */
    public void leave() {
        clearError();
        ui.when(client.leaveProject(projectId()), v -> close("You left " + room.name() + "."), this::fail);
    }

    /** An event from the chat connection, on the UI thread. */
    void apply(ServerEvent event) {
        for (RoomState.Change change : room.apply(event)) {
            switch (change) {
                case RoomState.Change.Message m -> show(m.message());
                case RoomState.Change.Notice n -> notice(LogEntry.notice(n.text(), n.at()));
                case RoomState.Change.Members m -> {
                    setTitle(room.name());
                    members.setAll(room.members());
                    owner.set(room.iAmOwner());
                }
                case RoomState.Change.Closed c -> close(c.why() + ".");
            }
        }
    }

    @Override
    public void catchUp() {
        refreshMembers();
        super.catchUp();
    }

    @Override
    protected Future<MessagePage<RoomMessage>> page(Long beforeId, int limit) {
        return client.history(projectId(), beforeId, limit);
    }

    @Override
    protected Future<RoomMessage> post(String text) {
        return client.send(projectId(), text);
    }

    @Override
    protected LogEntry entry(RoomMessage m) {
        return LogEntry.message(m.id(), m.username(), m.text(), m.createdAt(), client.session() != null
            && client.session().isMe(m.username()), m.file());
    }

    @Override
    protected FileTarget fileTarget() {
        return new FileTarget.Room(projectId());
    }

    @Override
    public String key() {
        return key(projectId());
    }

    static String key(long projectId) {
        return "project." + projectId;
    }

    @Override
    protected HuddleClient client() {
        return client;
    }

    private void refreshMembers() {
        ui.when(client.project(projectId()), this::showMembers, this::fail);
    }

    private void showMembers(Projects.Detail detail) {
        room.members(detail.members());
        setTitle(detail.name());
        members.setAll(room.members());
        owner.set(room.iAmOwner());
    }

    private void close(String notice) {
        closedNotice.set(notice);
        notice(LogEntry.notice(notice, Instant.now()));
        closed.set(true);
    }
}
