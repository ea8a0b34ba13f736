package dev.huddle.desktop.model;

import dev.huddle.client.HuddleClient;
import dev.huddle.client.chat.ChatLink;
import dev.huddle.client.state.RoomState;
import dev.huddle.client.store.ReadMarks;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.DirectMessage;
import dev.huddle.contracts.chat.RoomMessage;
import dev.huddle.contracts.chat.ServerEvent;
import dev.huddle.contracts.room.Projects;
import dev.huddle.contracts.room.RoomEvent;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The screen after login: my projects and direct-message threads with unread counts, creating a
 * project (with initial members, a result per name), starting a direct message, the connection's
 * state, and the conversation open beside them. Every project is opened on the chat connection at
 * once, so messages in rooms not on screen count as unread and the others see this user online.
 * Unread counts survive a restart ({@link UnreadCounts}); what was typed in a conversation stays
 * there when another is opened; a project this user is added to appears at once. Each line shows its
 * conversation's newest message and how long ago it was ({@link ListItem}); the direct-message
 * threads stay ordered newest first as messages arrive and are sent.
 */
public final class HomeModel implements ChatLink.Listener {

    private final UiThread ui;
    private final HuddleClient client;
    private final Runnable loggedOut;
    private final ObservableList<ListItem> projects = FXCollections.observableArrayList();
    // every room this client has heard of, open or not: presence and messages survive switching views
    private final Map<Long, RoomState> rooms = new HashMap<>();
    private final Map<Long, CallModel> calls = new HashMap<>();
    private final CallSources sources;
    private final ReadOnlyObjectWrapper<ConversationModel<?>> open = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ChatLink.State> connection = new ReadOnlyObjectWrapper<>(ChatLink.State.CONNECTING);
    private final ReadOnlyStringWrapper connectionDetail = new ReadOnlyStringWrapper("");
    private final StringProperty newProjectName = new SimpleStringProperty("");
    private final StringProperty newProjectMembers = new SimpleStringProperty("");
    private final StringProperty dmUser = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    // what was typed per conversation (its key), kept while another conversation is open
    private final Map<String, String> drafts = new HashMap<>();
    private final UnreadCounts unread;
    private final RelativeTime times;
    private final DmThreads dms;

    HomeModel(UiThread ui, HuddleClient client, ReadMarks marks, Runnable loggedOut, CallSources sources) {
        this(ui, client, marks, loggedOut, sources, RelativeTime.here());
    }

    HomeModel(UiThread ui, HuddleClient client, ReadMarks marks, Runnable loggedOut, CallSources sources,
              RelativeTime times) {
        this.times = times;
        this.sources = sources;
        this.ui = ui;
        this.client = client;
        this.loggedOut = loggedOut;
        this.unread = new UnreadCounts(ui, client, marks);
        this.dms = new DmThreads(unread, times, this::username);
        client.chat().addListener(this);
    }

    /** The client behind this screen (tests drop its connection to see the reconnect). */
    HuddleClient client() {
        return client;
    }

    public String username() {
        return client.session() == null ? "" : client.session().username();
    }

    public ObservableList<ListItem> projects() {
        return FXCollections.unmodifiableObservableList(projects);
    }

    public ObservableList<ListItem> dms() {
        return FXCollections.unmodifiableObservableList(dms.items());
    }

    /** The project or direct-message thread on screen, or null. */
    public ReadOnlyObjectProperty<ConversationModel<?>> openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChatLink.State> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionDetailProperty() {
        return connectionDetail.getReadOnlyProperty();
    }

    public StringProperty newProjectNameProperty() {
        return newProjectName;
    }

    public StringProperty newProjectMembersProperty() {
        return newProjectMembers;
    }

    public StringProperty dmUserProperty() {
        return dmUser;
    }

    /** What the last action did, e.g. the outcome per name of a new project's members. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * Loads the projects and opens each on the chat connection, and lists the direct-message threads:
     * those read on this computer at once, then every thread the server knows of (a new computer
     * knows none), the newest first.
     */
    public void start() {
        connection.set(client.chat().state());
        List<String> known = dms.showKnown();
        ui.when(client.directThreads(), dms::show, e -> dms.countKnown(known));
        refresh();
    }

    /** Time has passed: each line's {@code now} becomes {@code 1 min}, and so on (the view calls this now and then). */
    public void retime() {
        projects.forEach(item -> item.retime(times));
        dms.retime();
    }

    /** Reloads the project list (someone may have added this user to a project meanwhile). */
    public void refresh() {
        ui.when(client.projects(), this::showProjects, this::fail);
    }

    public void createProject() {
        String name = newProjectName.get() == null ? "" : newProjectName.get().strip();
        if (name.isEmpty()) {
            error.set("Give the project a name.");
            return;
        }
        error.set("");
        ui.when(client.createProject(name, newProjectMembers.get()), created -> {
            newProjectName.set("");
            newProjectMembers.set("");
            message.set(created.results().isEmpty() ? "Created " + created.project().name() + "."
                : "Created " + created.project().name() + ": " + created.results().stream()
                    .map(Projects.Outcome::describe).collect(Collectors.joining(" · ")));
            ListItem item = ListItem.project(created.project().id(), created.project().name(),
                created.project().members().size());
            projects.add(0, item);
            client.openRoom(item.projectId());
            openProject(item);
        }, this::fail);
    }

    /** Opens a project's view; its unread count goes back to zero. */
    public void openProject(ListItem item) {
        item.read();
        ProjectModel model = new ProjectModel(ui, client, room(item.projectId(), item.name()), call(item.projectId()));
        show(model);
        model.load();
    }

    /** Starts (or opens) the direct-message thread with the user typed in. */
    public void startDm() {
        String peer = dmUser.get() == null ? "" : dmUser.get().strip();
        if (peer.isEmpty()) {
            error.set("Type the username to write to.");
            return;
        }
        error.set("");
        ui.when(client.directHistory(peer, null, 1), page -> {
            dmUser.set("");
            openDm(dms.item(peer));
        }, this::fail);
    }

    public void openDm(ListItem item) {
        item.read();
        DmModel model = new DmModel(ui, client, item.name(), dms::newest);
        show(model);
        model.load();
    }

    /** Closes the open conversation (Esc). */
    public void closeConversation() {
        ConversationModel<?> before = open.get();
        if (before != null) {
            drafts.put(before.key(), before.draftProperty().get());
        }
        open.set(null);
    }

    /** The screen goes away: what was read is written down now. */
    void closing() {
        unread.flush();
    }

    public void logout() {
        calls.values().forEach(CallModel::close);
        calls.clear();
        ui.when(client.logout(), v -> loggedOut.run(), e -> loggedOut.run());
    }

    @Override
    public void state(ChatLink.State state, String detail) {
        ui.run(() -> {
            connection.set(state);
            connectionDetail.set(detail);
        });
    }

    @Override
    public void event(ServerEvent event) {
        ui.run(() -> onEvent(event));
    }

    @Override
    public void reconnected() {
        ui.run(() -> {
            refresh();
            if (open.get() != null) {
                open.get().catchUp();
            }
        });
    }

    private void onEvent(ServerEvent event) {
        long projectId = projectOf(event);
        if (isOpenProject(projectId)) {
            ((ProjectModel) open.get()).apply(event);
        } else if (projectId >= 0) {
            project(projectId).ifPresent(item -> room(projectId, item.name()).apply(event));
        }
        if (calls.containsKey(projectId)) {
            calls.get(projectId).apply(event); // a call goes on while another conversation is on screen
        }
        switch (event) {
            // a message the count read at start already holds (its page raced the event) counts once
            case ServerEvent.Chat chat -> project(chat.message().projectId()).ifPresent(item -> {
                if (roomNewest(item, chat.message()) && !isOpenProject(item.projectId())
                    && !client.session().isMe(chat.message().username())) {
                    item.unreadPlusOne();
                }
            });
            case ServerEvent.Dm dm -> directMessage(dm.message());
            case ServerEvent.Room room -> roomEvent(room.event());
            case ServerEvent.Invite invite when !isOpenProject(projectId)
                && !client.session().isMe(invite.invite().from().username()) -> project(projectId).ifPresent(item ->
                message.set(invite.invite().from().username() + " invites everyone in " + item.name()
                    + " to a call: open the project to join."));
            default -> {
                // presence and the rest concern the open room only
            }
        }
    }

    private void directMessage(DirectMessage dm) {
        String peer = dm.peer(username()).username();
        boolean newer = dms.newest(dm);
        if (open.get() instanceof DmModel thread && thread.peer().equalsIgnoreCase(peer)) {
            thread.received(dm);
        } else if (newer && !client.session().isMe(dm.from().username())) {
            // not newer: the count read at start already holds it (its page raced the event)
            dms.item(peer).unreadPlusOne();
        }
    }

    private void roomEvent(RoomEvent event) {
        Optional<ListItem> item = project(event.projectId());
        switch (event) {
            case RoomEvent.MemberRemoved removed when client.session().isMe(removed.user().username()) -> {
                endCall(event.projectId());
                rooms.remove(event.projectId());
                unread.forgetProject(event.projectId());
                client.chat().forget(event.projectId());
                // an open project's view has closed itself with its notice already and left the list
                item.ifPresent(gone -> {
                    projects.remove(gone);
                    if (removed.reason() == RoomEvent.Reason.KICKED) {
                        message.set(removed.by().username() + " removed you from " + gone.name() + ".");
                    }
                });
            }
            case RoomEvent.ProjectDeleted deleted -> {
                endCall(event.projectId());
                rooms.remove(event.projectId());
                item.ifPresent(projects::remove);
                client.chat().forget(event.projectId());
            }
            case RoomEvent.MemberAdded added when item.isEmpty() && client.session().isMe(added.user().username()) ->
                refresh(); // added by someone else: the project joins the list
            case RoomEvent.MemberAdded added -> item.ifPresent(i -> i.members(i.membersProperty().get() + 1));
            case RoomEvent.MemberRemoved removed -> item.ifPresent(i -> i.members(i.membersProperty().get() - 1));
            case RoomEvent.ProjectRenamed renamed -> item.ifPresent(i -> i.rename(renamed.name()));
            default -> {
                // nothing in the list changes
            }
        }
    }

    private void showProjects(List<Projects.Summary> list) {
        List<ListItem> items = list.stream().map(p -> project(p.id())
            .map(existing -> {
                existing.rename(p.name());
                existing.members(p.memberCount());
                return existing;
            })
            .orElseGet(() -> {
                ListItem fresh = ListItem.project(p.id(), p.name(), p.memberCount());
                unread.countProject(fresh, m -> roomNewest(fresh, m));
                return fresh;
            })).toList();
        projects.setAll(items);
        for (ListItem item : items) {
            if (!client.chat().rooms().contains(item.projectId())) {
                client.openRoom(item.projectId());
            }
        }
    }

    /** Shows a room's message on its line if it is the newest there; says whether it was. */
    private boolean roomNewest(ListItem item, RoomMessage message) {
        return item.newest(MessagePreview.of(message, username()), times);
    }

    private void show(ConversationModel<?> model) {
        ConversationModel<?> before = open.get();
        if (before != null) {
            drafts.put(before.key(), before.draftProperty().get());
        }
        model.draftProperty().set(drafts.getOrDefault(model.key(), ""));
        unread.readWhileOpen(model, () -> open.get() == model);
        if (model instanceof ProjectModel room) {
            room.closedProperty().addListener((o, was, closed) -> {
                if (closed) {
                    message.set(room.closedNoticeProperty().get());
                    project(room.projectId()).ifPresent(projects::remove);
                    if (open.get() == room) {
                        open.set(null);
                    }
                }
            });
        }
        open.set(model);
    }

    /** The project's call, kept while other conversations are on screen. */
    private CallModel call(long projectId) {
        return calls.computeIfAbsent(projectId, id -> new CallModel(ui, client, id, sources, Clock.systemUTC()));
    }

    private void endCall(long projectId) {
        CallModel call = calls.remove(projectId);
        if (call != null) {
            call.close();
        }
    }

    private RoomState room(long projectId, String name) {
        return rooms.computeIfAbsent(projectId, id -> new RoomState(id, name, username()));
    }

    private static long projectOf(ServerEvent event) {
        return switch (event) {
            case ServerEvent.Chat chat -> chat.message().projectId();
            case ServerEvent.Joined joined -> joined.presence().projectId();
            case ServerEvent.Left left -> left.presence().projectId();
            case ServerEvent.Here here -> here.here().projectId();
            case ServerEvent.Room room -> room.event().projectId();
            case ServerEvent.Invite invite -> invite.invite().projectId();
            case ServerEvent.Unknown unknown when unknown.data().getValue("projectId") instanceof Number id -> id.longValue();
            default -> -1;
        };
    }

    private boolean isOpenProject(long projectId) {
        return open.get() instanceof ProjectModel room && room.projectId() == projectId;
    }

    private Optional<ListItem> project(long projectId) {
        return projects.stream().filter(p -> p.projectId() == projectId).findFirst();
    }

    private void fail(HuddleException e) {
        error.set(Problems.say(e));
    }
}
