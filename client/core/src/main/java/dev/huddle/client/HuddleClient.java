package dev.huddle.client;

import dev.huddle.client.chat.Backoff;
import dev.huddle.client.chat.ChatLink;
import dev.huddle.client.files.FileClient;
import dev.huddle.client.http.AuthApi;
import dev.huddle.client.http.HttpJson;
import dev.huddle.client.http.RoomApi;
import dev.huddle.client.http.Session;
import dev.huddle.client.http.TotpEnrolment;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.DirectMessage;
import dev.huddle.contracts.chat.DmThreadList;
import dev.huddle.contracts.chat.MessagePage;
import dev.huddle.contracts.chat.RoomMessage;
import dev.huddle.contracts.room.Projects;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A Huddle server as a front end uses it: accounts on auth-service and projects on room-service over
 * HTTP, chat and direct messages over chat-service's WebSocket ({@link ChatLink}, which reconnects by
 * itself). Every call is asynchronous and fails only with a {@link HuddleException}. One client is
 * one user's session at a time: {@link #login} starts it, {@link #logout} ends it.
 */
public final class HuddleClient implements AutoCloseable {

    /** How long to wait for any one answer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final ServerAddress address;
    private final ClientTls tls;
    private final HttpClient http;
    private final AuthApi auth;
    private final RoomApi rooms;
    private final ChatLink chat;
    private final FileClient files;
    private volatile Session session;

    private HuddleClient(Vertx vertx, boolean ownsVertx, ServerAddress address, ClientTls tls, Backoff backoff) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.address = address;
        this.tls = tls;
        this.http = vertx.createHttpClient(tls.applyTo(new HttpClientOptions()));
        String host = address.socketHost();
        this.auth = new AuthApi(new HttpJson(http, "auth-service", host, address.authPort(), TIMEOUT));
        this.rooms = new RoomApi(new HttpJson(http, "room-service", host, address.roomPort(), TIMEOUT));
        this.chat = new ChatLink(vertx, host, address.chatPort(), TIMEOUT, backoff, tls);
        this.files = new FileClient(URI.create(tls.httpScheme() + "://" + (host.contains(":") ? "[" + host + "]" : host)
            + ":" + address.chatPort()), () -> session == null ? null : session.token(), TIMEOUT, tls);
    }

    /** A client with its own small Vert.x (one event loop), closed with it. */
    public static HuddleClient create(ServerAddress address) {
        return create(address, ClientTls.OFF, Backoff.standard());
    }

    public static HuddleClient create(ServerAddress address, Backoff backoff) {
        return create(address, ClientTls.OFF, backoff);
    }

    /** A client that speaks TLS to every port (HTTP, WebSocket, files) when {@code tls} says so. */
    public static HuddleClient create(ServerAddress address, ClientTls tls) {
        return create(address, tls, Backoff.standard());
    }

    public static HuddleClient create(ServerAddress address, ClientTls tls, Backoff backoff) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
            .setInternalBlockingPoolSize(1));
        return new HuddleClient(vertx, true, address, tls, backoff);
    }

    public ServerAddress address() {
        return address;
    }

    /** Whether this client speaks TLS, and whom it trusts. */
    public ClientTls tls() {
        return tls;
    }

    public ChatLink chat() {
        return chat;
    }

    /** The current session, or null when logged out. */
    public Session session() {
        return session;
    }

    public Future<UserRef> register(String username, String email, String password) {
        return auth.register(username, email, password);
    }

    /**
     * Logs in over HTTP, then connects the chat. The session stands even when chat-service cannot be
     * reached yet: the link keeps trying and says so through its state.
     */
    public Future<Session> login(String username, String password) {
        return login(username, password, null);
    }

    /** {@link #login(String, String)} with a second factor: a TOTP or recovery code, or null. */
    public Future<Session> login(String username, String password, String code) {
        return auth.login(username, password, code).compose(this::connect);
    }

    /**
     * Takes up a saved session (remember me): the token is checked with auth-service, then the chat
     * connects. Fails with INVALID_TOKEN when it expired or was revoked meanwhile.
     */
    public Future<Session> resume(String token) {
        return auth.me(token).compose(this::connect);
    }

    private Future<Session> connect(Session started) {
        session = started;
        return chat.start(started.token()).map(started).recover(e -> {
            if (e instanceof HuddleException h && h.code() == ErrorCode.INVALID_TOKEN) {
                session = null;
                return Future.failedFuture(h);
            }
            return Future.succeededFuture(started);
        });
    }

    /**
     * Changes the session's password. The server ends the account's other sessions (their tokens are
     * revoked everywhere) and keeps this one: the client goes on with its token. The result is how many
     * sessions ended.
     */
    public Future<Integer> changePassword(String currentPassword, String newPassword) {
        return withToken(token -> auth.changePassword(token, currentPassword, newPassword));
    }

    /** Whether this account's login needs a second factor. */
    public Future<Boolean> totpEnabled() {
        return withToken(auth::totpEnabled);
    }

    /** Starts two-factor login: the secret for an authenticator app, pending until {@link #confirmTotp}. */
    public Future<TotpEnrolment> enrolTotp() {
        return withToken(auth::enrolTotp);
    }

    /** A first code from the app turns two-factor login on; the result is the recovery codes, given only now. */
    public Future<List<String>> confirmTotp(String code) {
        return withToken(token -> auth.confirmTotp(token, code));
    }

    /** Turns two-factor login off, with the password and a current (or recovery) code. */
    public Future<Void> disableTotp(String password, String code) {
        return withToken(token -> auth.disableTotp(token, password, code));
    }

    /** Sending and fetching files over chat-service's HTTP, as the session's user. */
    public FileClient files() {
        return files;
    }

    /** Ends the session: the chat closes for good and the token is revoked (best effort when unreachable). */
    public Future<Void> logout() {
        Session ending = session;
        session = null;
        Future<Void> closed = chat.stop();
        if (ending == null) {
            return closed;
        }
        return closed.compose(v -> auth.logout(ending.token())).recover(e -> Future.succeededFuture());
    }

    public Future<List<Projects.Summary>> projects() {
        return withToken(token -> rooms.projects(token));
    }

    public Future<Projects.Changed> createProject(String name, String members) {
        return withToken(token -> rooms.create(token, name, members));
    }

    public Future<Projects.Detail> project(long projectId) {
        return withToken(token -> rooms.project(token, projectId));
    }

    public Future<Projects.Changed> addMembers(long projectId, String usernames) {
        return withToken(token -> rooms.addMembers(token, projectId, usernames));
    }

    public Future<Void> kick(long projectId, String username) {
        return withToken(token -> rooms.kick(token, projectId, username));
    }

    public Future<Void> leaveProject(long projectId) {
        return withToken(token -> rooms.leave(token, projectId)).onSuccess(v -> chat.forget(projectId));
    }

    public Future<Void> handOver(long projectId, String username) {
        return withToken(token -> rooms.handOver(token, projectId, username));
    }

    /** Opens a room on the chat connection (kept open across reconnects). */
    public Future<JsonObject> openRoom(long projectId) {
        return withToken(token -> chat.join(projectId));
    }

    public Future<RoomMessage> send(long projectId, String text) {
        return withToken(token -> chat.request(new Command.Chat(token, projectId, text)))
            .map(result -> RoomMessage.fromJson(object(result)));
    }

    public Future<DirectMessage> sendDirect(String username, String text) {
        return withToken(token -> chat.request(new Command.Dm(token, username, text)))
            .map(result -> DirectMessage.fromJson(object(result)));
    }

    /** A page of a room's history, oldest first, before {@code beforeId} (null: the newest). */
    public Future<MessagePage<RoomMessage>> history(long projectId, Long beforeId, int limit) {
        return withToken(token -> chat.request(new Command.History(token, projectId, limit, beforeId)))
            .map(result -> MessagePage.roomFromJson(object(result)));
    }

    /** The caller's direct-message conversations, the newest first (at most {@link DmThreadList#MAX_THREADS}). */
    public Future<DmThreadList> directThreads() {
        return withToken(token -> chat.request(new Command.DmThreads(token)))
            .map(result -> DmThreadList.fromJson(object(result)));
    }

    /** A page of the direct messages with one user, oldest first. */
    public Future<MessagePage<DirectMessage>> directHistory(String username, Long beforeId, int limit) {
        return withToken(token -> chat.request(new Command.DmHistory(token, username, limit, beforeId)))
            .map(result -> MessagePage.directFromJson(object(result)));
    }

    @Override
    public void close() {
        chat.stop();
        files.close();
        http.close();
        if (ownsVertx) {
            vertx.close();
        }
    }

    private <T> Future<T> withToken(java.util.function.Function<String, Future<T>> call) {
        Session current = session;
        if (current == null) {
            return Future.failedFuture(new HuddleException(ErrorCode.INVALID_TOKEN, "not logged in"));
        }
        try {
            return call.apply(current.token());
        } catch (HuddleException | IllegalArgumentException refused) {
            // a Command record refuses a bad value (an empty message, a name with a line break) before sending
            return Future.failedFuture(refused instanceof HuddleException h ? h
                : new HuddleException(ErrorCode.BAD_REQUEST, refused.getMessage()));
        }
    }

    private static JsonObject object(Object result) {
        if (result instanceof JsonObject json) {
            return json;
        }
        throw new HuddleException(ErrorCode.INTERNAL, "chat-service sent no JSON object");
    }
}
