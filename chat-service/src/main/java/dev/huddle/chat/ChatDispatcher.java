package dev.huddle.chat;

import dev.huddle.chat.message.ChatMessage;
import dev.huddle.chat.message.ChatService;
import dev.huddle.chat.message.DirectMessage;
import dev.huddle.chat.message.Page;
import dev.huddle.chat.session.OutboundEvent;
import dev.huddle.chat.session.Session;
import dev.huddle.chat.session.SessionRegistry;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.LineCodec;
import dev.huddle.contracts.chat.MessagePage;
import dev.huddle.contracts.chat.Presence;
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
 * commands go to auth-service, project commands to room-service, chat and direct messages are
 * authorised, stored and only then answered and published to the cluster.
 */
public final class ChatDispatcher {

    /** A command's answer and the user it was done for (for the action log; null: anonymous). */
    public record Handled(Object result, String username) {
    }

    private final ServiceRuntime runtime;
    private final Neighbours neighbours;
    private final ChatService chats;
    private final SessionRegistry sessions;

    public ChatDispatcher(ServiceRuntime runtime, Neighbours neighbours, ChatService chats, SessionRegistry sessions) {
        this.runtime = runtime;
        this.neighbours = neighbours;
        this.chats = chats;
        this.sessions = sessions;
    }

    public Future<Handled> dispatch(Session session, Command command) {
        return switch (command) {
            case Command.Reg c -> neighbours.request(BusAddresses.AUTH_REGISTER, new JsonObject()
                    .put("username", c.username()).put("password", c.password()).put("email", c.email()))
                .map(result -> new Handled(result, null));
            case Command.Login c -> login(session, c);
            case Command.Logout c -> as(session, c.token(), caller ->
                neighbours.request(BusAddresses.AUTH_LOGOUT, new JsonObject().put("token", c.token())));
            case Command.Auth c -> as(session, c.token(), caller -> Future.succeededFuture(whoami(caller)));
            case Command.Whoami c -> as(session, c.token(), caller -> Future.succeededFuture(whoami(caller)));
            case Command.NewProject c -> as(session, c.token(), caller ->
                neighbours.roomOperation("new_project", caller, new JsonObject().put("name", c.name())));
            case Command.Projects c -> as(session, c.token(), caller ->
                neighbours.roomOperation("projects", caller, new JsonObject()));
            case Command.Members c -> as(session, c.token(), caller ->
                neighbours.roomOperation("project", caller, new JsonObject().put("projectId", c.projectId())));
            case Command.AddGroup c -> as(session, c.token(), caller -> neighbours.roomOperation("add_group", caller,
                new JsonObject().put("projectId", c.projectId()).put("members", c.members())));
            case Command.Kick c -> as(session, c.token(), caller -> neighbours.roomOperation("kick", caller,
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
                publishToRoom(projectId, "left", presence(caller, projectId));
            }
        }
        sessions.closed(session);
    }

    /** Verifies the token, ties the connection to its user, then runs the operation as that user. */
    private Future<Handled> as(Session session, String token, Function<Principal, Future<?>> operation) {
        return runtime.tokens().verify(token)
            .compose(caller -> sessions.bind(session, caller).map(caller))
            .compose(caller -> operation.apply(caller).map(result -> new Handled(result, caller.username())));
    }

    private Future<Handled> login(Session session, Command.Login login) {
        return neighbours.requestObject(BusAddresses.AUTH_LOGIN, new JsonObject().put("username", login.username())
                .put("password", login.password()).put("address", session.remoteHost()))
            .compose(answer -> runtime.tokens().verify(answer.getString("token"))
                .compose(caller -> sessions.bind(session, caller))
                .map(v -> new Handled(answer, answer.getJsonObject("user").getString("username"))));
    }

    private Future<JsonObject> join(Session session, Principal caller, long projectId) {
        return neighbours.requireMember(caller, projectId)
            .compose(v -> sessions.join(session, projectId))
            .compose(v -> neighbours.requestObject(BusAddresses.ROOM_MEMBERS, new JsonObject().put("projectId", projectId)))
            .map(members -> {
                publishToRoom(projectId, "joined", presence(caller, projectId));
                return members;
            });
    }

    private JsonObject leave(Session session, Principal caller, long projectId) {
        boolean wasIn = session.rooms().contains(projectId);
        if (wasIn) {
            sessions.leave(session, projectId);
            publishToRoom(projectId, "left", presence(caller, projectId));
        }
        return new JsonObject().put("projectId", projectId).put("left", wasIn);
    }

    /** Authorised, stored, and only then published and answered: nothing acknowledged is missing. */
    private Future<JsonObject> chat(Principal caller, long projectId, String text) {
        return neighbours.requireMember(caller, projectId)
            .compose(v -> runtime.blocking(() -> chats.postToRoom(caller, projectId, text)))
            .map(message -> {
                JsonObject json = message.toJson();
                publishToRoom(projectId, "chat", json);
                return json;
            });
    }

    private Future<JsonObject> directMessage(Principal caller, String username, String text) {
        return neighbours.user(username)
            .compose(recipient -> runtime.blocking(() ->
                chats.sendDirect(caller, recipient.getLong("id"), recipient.getString("username"), text)))
            .map(message -> {
                JsonObject json = message.toJson();
                runtime.vertx().eventBus().publish(BusAddresses.CHAT_USER_PREFIX + message.recipientId(),
                    new OutboundEvent("dm", json).toBus());
                return json;
            });
    }

    private void publishToRoom(long projectId, String type, JsonObject data) {
        runtime.vertx().eventBus().publish(BusAddresses.CHAT_ROOM_PREFIX + projectId,
            new OutboundEvent(type, data).toBus());
    }

    private static JsonObject presence(Principal caller, long projectId) {
        return new Presence(projectId, caller.userId(), caller.username()).toJson();
    }

    private static JsonObject whoami(Principal caller) {
        return new JsonObject().put("userId", caller.userId()).put("username", caller.username())
            .put("role", caller.role().wireName()).put("expiresAt", caller.expiresAt().toString());
    }

    private static <T> JsonObject page(Page<T> page, Function<T, JsonObject> toJson) {
        return new MessagePage<>(page.items(), page.hasMore()).toJson(toJson);
    }
}
