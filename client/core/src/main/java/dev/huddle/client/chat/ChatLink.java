package dev.huddle.client.chat;

import dev.huddle.client.ClientTls;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.ServerEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The client's chat connection, kept alive: a {@link ChatSocket} that, when it drops, is opened again
 * after a {@link Backoff} delay, authenticated with the session's token and joined to every room that
 * was open, after which {@link Listener#reconnected()} tells the front end to fetch what it missed.
 *
 * <p>States: {@link State#CONNECTING} (first attempt), {@link State#CONNECTED},
 * {@link State#RECONNECTING} (dropped; the first few attempts), {@link State#OFFLINE} (several attempts
 * failed and it keeps trying at the longest delay, or it was stopped, or the session ended). Commands
 * sent while not connected fail at once with UNAVAILABLE, so nothing waits on a dead socket.
 * Listeners run on the link's event loop.
 */
public final class ChatLink {

    /** The connection as the user sees it. */
    public enum State { CONNECTING, CONNECTED, RECONNECTING, OFFLINE }

    /** What a front end hears from the link. Every method has a default so it implements what it needs. */
    public interface Listener {
        /** The state changed; {@code detail} says why, for people (may be empty). */
        default void state(State state, String detail) {
        }

        default void event(ServerEvent event) {
        }

        /** Connected again after a drop, every open room rejoined: time to fetch what was missed. */
        default void reconnected() {
        }

        /** A room could not be rejoined after a reconnect (removed meanwhile, project deleted). */
        default void rejoinFailed(long projectId, HuddleException why) {
        }
    }

    /** Failed attempts after which a reconnecting link reports itself offline. */
    static final int OFFLINE_AFTER = 3;

    private final Vertx vertx;
    private final WebSocketClient client;
    private final String host;
    private final int port;
    private final Duration timeout;
    private final Backoff backoff;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    // guarded by this
    private final Set<Long> rooms = new LinkedHashSet<>();
    private ChatSocket socket;
    private String token;
    private State state = State.OFFLINE;
    private boolean stopped = true;
    private boolean everConnected;
    private long retryTimer = -1;

    public ChatLink(Vertx vertx, String host, int port, Duration timeout, Backoff backoff) {
        this(vertx, host, port, timeout, backoff, ClientTls.OFF);
    }

    /** @param tls whether the socket speaks TLS (wss) and whom it trusts */
    public ChatLink(Vertx vertx, String host, int port, Duration timeout, Backoff backoff, ClientTls tls) {
        this.vertx = vertx;
        this.client = vertx.createWebSocketClient(tls.applyTo(new WebSocketClientOptions()));
        this.host = host;
        this.port = port;
        this.timeout = timeout;
        this.backoff = backoff;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public synchronized State state() {
        return state;
    }

    /**
     * Connects with this token and keeps the connection up until {@link #stop()}. The future completes
     * once connected the first time, or fails with the first attempt's error (it goes on trying in the
     * background unless the token was refused).
     */
    public Future<Void> start(String token) {
        synchronized (this) {
            this.token = token;
            this.stopped = false;
            this.everConnected = false;
            backoff.reset();
        }
        setState(State.CONNECTING, "connecting to chat-service");
        return attempt();
    }

    /** Closes the connection for good (logout): no reconnect, rooms forgotten. */
    public Future<Void> stop() {
        ChatSocket current;
        synchronized (this) {
            stopped = true;
            rooms.clear();
            current = socket;
            socket = null;
            if (retryTimer >= 0) {
                vertx.cancelTimer(retryTimer);
                retryTimer = -1;
            }
        }
        setState(State.OFFLINE, "signed out");
        return current == null ? Future.succeededFuture() : current.close().recover(e -> Future.succeededFuture());
    }

    /** Sends a command; UNAVAILABLE at once when not connected. */
    public Future<Object> request(Command command) {
        ChatSocket current;
        synchronized (this) {
            current = state == State.CONNECTED ? socket : null;
        }
        if (current == null) {
            return Future.failedFuture(new HuddleException(ErrorCode.UNAVAILABLE,
                "not connected to chat-service; it reconnects by itself"));
        }
        return current.request(command);
    }

    /** Opens a room on this connection and keeps it open across reconnects; the result has its members. */
    public Future<JsonObject> join(long projectId) {
        synchronized (this) {
            rooms.add(projectId);
        }
        return request(new Command.Join(currentToken(), projectId)).map(ChatLink::object)
            .onFailure(e -> {
                if (e instanceof HuddleException refused && refused.code() != ErrorCode.UNAVAILABLE) {
                    forget(projectId);
                }
            });
    }

    /** Closes a room on this connection (membership is unchanged). */
    public Future<Void> leave(long projectId) {
        forget(projectId);
        return request(new Command.Leave(currentToken(), projectId)).mapEmpty();
    }

    /** Stops rejoining a room (we were removed from it, or it is gone). */
    public synchronized void forget(long projectId) {
        rooms.remove(projectId);
    }

    public synchronized Set<Long> rooms() {
        return Set.copyOf(rooms);
    }

    /** Closes the socket as a network failure would (for tests and for "reconnect now"). */
    public Future<Void> dropConnection() {
        ChatSocket current;
        synchronized (this) {
            current = socket;
        }
        return current == null ? Future.succeededFuture() : current.close();
    }

    private synchronized String currentToken() {
        return token;
    }

    private Future<Void> attempt() {
        String attemptToken;
        synchronized (this) {
            retryTimer = -1;
            if (stopped) {
                return Future.failedFuture(new HuddleException(ErrorCode.UNAVAILABLE, "stopped"));
            }
            attemptToken = token;
        }
        Promise<ChatSocket> opened = Promise.promise();
        ChatSocket.open(vertx, client, host, port, timeout, this::deliver, () -> dropped(opened.future()))
            .onComplete(opened);
        return opened.future()
            .compose(s -> s.request(new Command.Auth(attemptToken)).map(s))
            .compose(this::connected)
            .recover(this::failed);
    }

    private Future<Void> connected(ChatSocket fresh) {
        boolean reconnect;
        List<Long> toRejoin;
        synchronized (this) {
            if (stopped) {
                fresh.close();
                return Future.succeededFuture();
            }
            socket = fresh;
            reconnect = everConnected;
            everConnected = true;
            backoff.reset();
            toRejoin = new ArrayList<>(rooms);
        }
        setState(State.CONNECTED, "connected");
        if (!reconnect) {
            return Future.succeededFuture();
        }
        List<Future<?>> rejoins = new ArrayList<>();
        for (long projectId : toRejoin) {
            rejoins.add(fresh.request(new Command.Join(currentToken(), projectId)).onFailure(e -> {
                HuddleException why = e instanceof HuddleException h ? h : new HuddleException(ErrorCode.INTERNAL, "rejoin failed");
                if (why.code() != ErrorCode.UNAVAILABLE) {
                    forget(projectId);
                }
                listeners.forEach(l -> l.rejoinFailed(projectId, why));
            }));
        }
        return Future.join(rejoins).otherwiseEmpty().map(v -> {
            listeners.forEach(Listener::reconnected);
            return null;
        });
    }

    private Future<Void> failed(Throwable error) {
        HuddleException why = error instanceof HuddleException h ? h
            : new HuddleException(ErrorCode.UNAVAILABLE, "cannot reach chat-service");
        if (why.code() == ErrorCode.INVALID_TOKEN) {
            synchronized (this) {
                stopped = true;
            }
            setState(State.OFFLINE, "your session has ended; log in again");
            return Future.failedFuture(why);
        }
        scheduleRetry(why.getMessage());
        return Future.failedFuture(why);
    }

    /** The socket closed: unless we closed it for good, try again after a while. */
    private void dropped(Future<ChatSocket> which) {
        synchronized (this) {
            if (stopped || !which.succeeded() || socket != which.result()) {
                return; // a socket that never became current, or an old one
            }
            socket = null;
        }
        scheduleRetry("connection lost");
    }

    private void scheduleRetry(String why) {
        Duration delay;
        int failures;
        synchronized (this) {
            if (stopped || retryTimer >= 0) {
                return;
            }
            delay = backoff.next();
            failures = backoff.failures();
            retryTimer = vertx.setTimer(delay.toMillis(), t -> attempt());
        }
        String detail = why + "; trying again in " + Math.max(1, Math.round(delay.toMillis() / 1000.0)) + " s";
        setState(failures > OFFLINE_AFTER ? State.OFFLINE : State.RECONNECTING, detail);
    }

    private void deliver(ServerEvent event) {
        listeners.forEach(l -> l.event(event));
    }

    private void setState(State next, String detail) {
        synchronized (this) {
            state = next;
        }
        listeners.forEach(l -> l.state(next, detail));
    }

    private static JsonObject object(Object result) {
        return result instanceof JsonObject object ? object : new JsonObject();
    }
}
