package dev.huddle.chat;

import dev.huddle.chat.file.FileCommands;
import dev.huddle.chat.message.ChatMessage;
import dev.huddle.chat.message.ChatService;
import dev.huddle.chat.message.DirectMessage;
import dev.huddle.chat.message.Page;
import dev.huddle.chat.session.Session;
import dev.huddle.chat.session.SessionRegistry;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.chat.CallInvite;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.LineCodec;
import dev.huddle.contracts.chat.MessagePage;
import dev.huddle.contracts.chat.Presence;
import dev.huddle.contracts.chat.ServerEvent;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.runtime.ServiceRuntime;
import dev.huddle.server.token.Principal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/**
 * Carries out one command for one connection, whichever front door it came through: account
 * commands go to auth-service, project and call commands to room-service (with the caller's token, which
 * room-service verifies itself), chat and direct messages are authorised, stored and only then
 * answered and published to the cluster.
 */
public final class ChatDispatcher {

    /** A command's answer and the user it was done for (for the action log; null: anonymous). */
    public record Handled(Object result, String username) {
    }

    private final ServiceRuntime runtime;
    private final Neighbours neighbours;
    private final ChatService chats;
    private final SessionRegistry sessions;
    private final FileCommands files;
    private final Feeds feeds;
    private final SessionGuard guard;

    public ChatDispatcher(ServiceRuntime runtime, Neighbours neighbours, ChatService chats, SessionRegistry sessions,
                          FileCommands files) {
        this.runtime = runtime;
        this.neighbours = neighbours;
        this.chats = chats;
        this.sessions = sessions;
        this.files = files;
        this.feeds = new Feeds(runtime.vertx().eventBus());
        this.guard = new SessionGuard(runtime.vertx(), runtime.tokens(), sessions, feeds, runtime.clock(),
            runtime.config().tokenClockSkew());
    }

    public Future<Handled> dispatch(Session session, Command command) {
        return switch (command) {
            case Command.Reg c -> neighbours.request(BusAddresses.AUTH_REGISTER, new JsonObject()
                    .put("username", c.username()).put("password", c.password()).put("email", c.email())
                    .put("address", session.remoteHost()))
                .map(result -> new Handled(result, null));
            case Command.Login c -> login(session, c);
            case Command.Logout c -> as(session, c.token(), caller ->
                neighbours.request(BusAddresses.AUTH_LOGOUT, new JsonObject().put("token", c.token())));
            case Command.Auth c -> as(session, c.token(), caller -> Future.succeededFuture(whoami(caller)));
            case Command.Passwd c -> as(session, c.token(), caller -> neighbours.request(BusAddresses.AUTH_PASSWORD,
                new JsonObject().put("token", c.token()).put("currentPassword", c.currentPassword())
                    .put("newPassword", c.newPassword()).put("address", session.remoteHost())));
            case Command.TotpEnrol c -> as(session, c.token(), caller ->
                neighbours.request(BusAddresses.AUTH_TOTP_ENROL, new JsonObject().put("token", c.token())));
            case Command.TotpConfirm c -> as(session, c.token(), caller -> neighbours.request(
                BusAddresses.AUTH_TOTP_CONFIRM, new JsonObject().put("token", c.token()).put("totp", c.code())));
            case Command.TotpDisable c -> as(session, c.token(), caller -> neighbours.request(
                BusAddresses.AUTH_TOTP_DISABLE, new JsonObject().put("token", c.token()).put("password", c.password())
                    .put("totp", c.code()).put("address", session.remoteHost())));
            case Command.Whoami c -> as(session, c.token(), caller -> Future.succeededFuture(whoami(caller)));
            case Command.NewProject c -> as(session, c.token(), caller ->
                neighbours.roomOperation("new_project", c.token(), new JsonObject().put("name", c.name())));
            case Command.Projects c -> as(session, c.token(), caller ->
                neighbours.roomOperation("projects", c.token(), new JsonObject()));
            case Command.Members c -> as(session, c.token(), caller ->
                neighbours.roomOperation("project", c.token(), new JsonObject().put("projectId", c.projectId())));
            case Command.AddGroup c -> as(session, c.token(), caller -> neighbours.roomOperation("add_group", c.token(),
                new JsonObject().put("projectId", c.projectId()).put("members", c.members())));
            case Command.Kick c -> as(session, c.token(), caller -> neighbours.roomOperation("kick", c.token(),
                new JsonObject().put("projectId", c.projectId()).put("username", c.username())));
            case Command.Join c -> as(session, c.token(), caller -> join(session, caller, c.projectId()));
            case Command.Leave c -> as(session, c.token(), caller -> Future.succeededFuture(leave(session, caller,
                c.projectId())));
            case Command.Chat c -> as(session, c.token(), caller -> chat(caller, c.projectId(), c.text()));
            case Command.History c -> as(session, c.token(), caller -> neighbours.requireMember(caller, c.projectId())
                .compose(v -> runtime.blocking(() -> chats.roomHistory(c.projectId(), c.limit(), c.beforeId())))
                .map(page -> page(page, ChatMessage::toJson).put("projectId", c.projectId())));
            case Command.Dm c -> as(session, c.token(), caller -> directMessage(caller, c.username(), c.text()));
            case Command.DmHistory c -> as(session, c.token(), caller -> neighbours.user(c.username())
                .compose(other -> runtime.blocking(() ->
                        chats.directHistory(caller, other.getLong("id"), c.limit(), c.beforeId()))
                    .map(page -> page(page, DirectMessage::toJson).put("with", other))));
            case Command.DmThreads c -> as(session, c.token(), caller ->
                runtime.blocking(() -> chats.directThreads(caller).toJson()));
            case Command.Upload c -> as(session, c.token(), caller -> files.upload(session, caller, c));
            case Command.Download c -> as(session, c.token(), caller -> files.download(session, caller, c));
            case Command.Files c -> as(session, c.token(), caller -> files.list(caller, c));
            case Command.DeleteFile c -> as(session, c.token(), caller -> files.delete(caller, c));
            case Command.CallJoin c -> as(session, c.token(), caller -> neighbours.forUser(
                BusAddresses.ROOM_CALL_JOIN, c.token(), new JsonObject().put("projectId", c.projectId())));
            case Command.CallMembers c -> as(session, c.token(), caller -> neighbours.forUser(
                BusAddresses.ROOM_CALL_MEMBERS, c.token(), new JsonObject().put("projectId", c.projectId())));
            case Command.CallInvite c -> as(session, c.token(), caller -> inviteToCall(caller, c.projectId()));
            case Command.Help c -> Future.succeededFuture(new Handled(
                new JsonObject().put("commands", new JsonArray(LineCodec.usages())), null));
            case Command.Quit c -> Future.succeededFuture(new Handled(new JsonObject().put("bye", true), null));
        };
    }

    /** A connection went away: its rooms hear that its user left, then it is forgotten. */
    public void disconnected(Session session) {
        Principal caller = session.principal();
        if (caller != null) {
            for (Long projectId : List.copyOf(session.rooms())) {
                feeds.presence("left", caller, projectId);
            }
        }
        guard.forget(session);
        sessions.closed(session);
    }

    /** Verifies the token, ties the connection to its user, then runs the operation as that user. */
    private Future<Handled> as(Session session, String token, Function<Principal, Future<?>> operation) {
        return runtime.tokens().verify(token)
            .compose(caller -> bind(session, caller, token).map(caller))
            .compose(caller -> operation.apply(caller).map(result -> new Handled(result, caller.username())));
    }

    private Future<Handled> login(Session session, Command.Login login) {
        return neighbours.requestObject(BusAddresses.AUTH_LOGIN, new JsonObject().put("username", login.username())
                .put("password", login.password()).put("totp", login.code()).put("address", session.remoteHost()))
            .compose(answer -> runtime.tokens().verify(answer.getString("token"))
                .compose(caller -> bind(session, caller, answer.getString("token")))
                .map(v -> new Handled(answer, answer.getJsonObject("user").getString("username"))));
    }

    /** A connection is one user: switching to another leaves the previous user's rooms, announced as left. */
    private Future<Void> bind(Session session, Principal caller, String token) {
        Principal before = session.principal();
        SessionRegistry.Binding binding = sessions.bind(session, caller, token);
        binding.leftRooms().forEach(projectId -> feeds.presence("left", before, projectId));
        guard.watch(session);
        return binding.ready();
    }

    /**
     * Subscribes first and checks membership second, delivering nothing in between: a removal that
     * lands while the check is in flight cancels the join instead of being missed.
     */
    private Future<JsonObject> join(Session session, Principal caller, long projectId) {
        return sessions.beginJoin(session, projectId)
            .compose(v -> neighbours.requireMember(caller, projectId))
            .compose(v -> sessions.completeJoin(session, projectId)
                ? Future.succeededFuture()
                : Future.<Void>failedFuture(joinCancelled(session, caller, projectId)))
            .onFailure(e -> sessions.abortJoin(session, projectId))
            .compose(v -> neighbours.requestObject(BusAddresses.ROOM_MEMBERS, new JsonObject().put("projectId", projectId)))
            .map(members -> {
                feeds.presence(SessionRegistry.JOINED, caller, projectId);
                return members;
            });
    }

    private static HuddleException joinCancelled(Session session, Principal caller, long projectId) {
        Principal now = session.principal();
        if (now == null || !now.tokenId().equals(caller.tokenId())) {
            return new HuddleException(ErrorCode.INVALID_TOKEN, "token no longer valid");
        }
        return new HuddleException(ErrorCode.NOT_MEMBER, "you are not a member of project " + projectId);
    }

    private JsonObject leave(Session session, Principal caller, long projectId) {
        boolean wasIn = session.rooms().contains(projectId);
        if (wasIn) {
            sessions.leave(session, projectId);
            feeds.presence("left", caller, projectId);
        }
        return new JsonObject().put("projectId", projectId).put("left", wasIn);
    }

    /** Authorised, stored, and only then published and answered: nothing acknowledged is missing. */
    private Future<JsonObject> chat(Principal caller, long projectId, String text) {
        return neighbours.requireMember(caller, projectId)
            .compose(v -> runtime.blocking(() -> chats.postToRoom(caller, projectId, text)))
            .map(message -> {
                JsonObject json = message.toJson();
                feeds.toRoom(projectId, "chat", json);
                return json;
            });
    }

    /** A member asks the room to join its call: every connection with the room open, on any instance, is told. */
    private Future<JsonObject> inviteToCall(Principal caller, long projectId) {
        return neighbours.requireMember(caller, projectId).map(v -> {
            ServerEvent invite = new ServerEvent.Invite(new CallInvite(projectId,
                new UserRef(caller.userId(), caller.username()), runtime.clock().instant()));
            feeds.toRoom(projectId, invite.type(), invite.data());
            return invite.data();
        });
    }

    private Future<JsonObject> directMessage(Principal caller, String username, String text) {
        return neighbours.user(username)
            .compose(recipient -> runtime.blocking(() ->
                chats.sendDirect(caller, recipient.getLong("id"), recipient.getString("username"), text)))
            .map(message -> {
                JsonObject json = message.toJson();
                feeds.toUser(message.recipientId(), "dm", json);
                return json;
            });
    }

    private static JsonObject whoami(Principal caller) {
        return new JsonObject().put("userId", caller.userId()).put("username", caller.username())
            .put("role", caller.role().wireName()).put("expiresAt", caller.expiresAt().toString());
    }

    private static <T> JsonObject page(Page<T> page, Function<T, JsonObject> toJson) {
        return new MessagePage<>(page.items(), page.hasMore()).toJson(toJson);
    }
}
