package dev.huddle.chat.session;

import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.chat.Presence;
import dev.huddle.contracts.chat.ServerEvent;
import dev.huddle.contracts.chat.WhoIsHere;
import dev.huddle.server.bus.BusAddresses;
import dev.huddle.server.token.Principal;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's connections, indexed by the rooms they joined and by user, and the event-bus feeds
 * that bring them what happens elsewhere in the cluster. A room's feed
 * ({@code huddle.chat.room.<id>}) is subscribed while at least one local connection is in the room
 * or joining it, a user's feed ({@code huddle.chat.user.<id>}) while that user has a bound local
 * connection; so a message travels only to the instances that have someone to give it to.
 *
 * <p>A connection is one user at a time: binding it to another user takes it out of every room
 * first. Joining is two-phase ({@link #beginJoin}, then {@link #completeJoin} once membership is
 * confirmed) so that a removal that happens while the membership check is in flight is not lost:
 * it cancels the pending join, and the join is refused.
 */
public final class SessionRegistry {

    /** A subscribed feed and the local connections it serves (and those still joining it). */
    private static final class Feed {
        final Set<Session> sessions = ConcurrentHashMap.newKeySet();
        final Set<Session> joining = ConcurrentHashMap.newKeySet();
        MessageConsumer<JsonObject> consumer;

        boolean unused() {
            return sessions.isEmpty() && joining.isEmpty();
        }
    }

    /** What binding did: the feed is subscribed once {@code ready} completes; {@code leftRooms} were dropped. */
    public record Binding(Future<Void> ready, List<Long> leftRooms) {
    }

    /** The presence event a join publishes in its room (chat-service's {@code Feeds}). */
    public static final String JOINED = "joined";

    private final EventBus bus;
    private final Map<Long, Feed> rooms = new ConcurrentHashMap<>();
    private final Map<Long, Feed> users = new ConcurrentHashMap<>();
    private final Set<Session> open = ConcurrentHashMap.newKeySet();

    public SessionRegistry(EventBus bus) {
        this.bus = bus;
    }

    public void opened(Session session) {
        open.add(session);
    }

    /** Forgets a closed connection: it leaves every room and its user's feed. */
    public synchronized void closed(Session session) {
        open.remove(session);
        unbind(session);
    }

    /**
     * Ties the connection to the user {@code token} speaks for (so direct messages reach it). A
     * connection bound to another user leaves all its rooms first: it never keeps one user's rooms
     * under another's name.
     */
    public synchronized Binding bind(Session session, Principal principal, String token) {
        Principal current = session.principal();
        List<Long> left = List.of();
        if (current != null && current.userId() != principal.userId()) {
            left = unbind(session);
        }
        boolean sameUser = session.principal() != null;
        session.bind(principal, token);
        if (sameUser) {
            return new Binding(ready(users.get(principal.userId())), left);
        }
        return new Binding(subscribe(users, principal.userId(), BusAddresses.CHAT_USER_PREFIX, session, false), left);
    }

    /**
     * Ends the binding if it still comes from {@code token} (a newer, valid token may have replaced
     * it meanwhile): the connection leaves every room and its user's feed.
     *
     * @return the rooms it left, or null if the binding had changed or was gone already
     */
    public synchronized List<Long> unbindIf(Session session, String token) {
        if (session.principal() == null || !token.equals(session.token())) {
            return null;
        }
        return unbind(session);
    }

    /** Subscribes the room's feed for a connection about to join; nothing is delivered to it yet. */
    public synchronized Future<Void> beginJoin(Session session, long projectId) {
        if (session.rooms().contains(projectId)) {
            return ready(rooms.get(projectId));
        }
        session.joining().add(projectId);
        return subscribe(rooms, projectId, BusAddresses.CHAT_ROOM_PREFIX, session, true);
    }

    /**
     * Membership confirmed: the connection receives the room from now on.
     *
     * @return false if the join was cancelled meanwhile (the member removed, the project deleted,
     *         the token revoked)
     */
    public synchronized boolean completeJoin(Session session, long projectId) {
        Feed feed = rooms.get(projectId);
        if (feed != null && session.joining().remove(projectId) && feed.joining.remove(session)) {
            feed.sessions.add(session);
            session.rooms().add(projectId);
        }
        return session.rooms().contains(projectId);
    }

    /** Drops a join that failed. */
    public synchronized void abortJoin(Session session, long projectId) {
        if (session.joining().remove(projectId)) {
            unsubscribe(rooms, projectId, session);
        }
    }

    /** Stops delivering the room's events to this connection. */
    public synchronized void leave(Session session, long projectId) {
        session.rooms().remove(projectId);
        session.joining().remove(projectId);
        unsubscribe(rooms, projectId, session);
    }

    /** A member was removed from a project: their local connections stop receiving it now, joining ones too. */
    public synchronized void evict(long userId, long projectId) {
        Feed feed = rooms.get(projectId);
        if (feed == null) {
            return;
        }
        for (Session session : List.copyOf(feed.sessions)) {
            if (session.principal() != null && session.principal().userId() == userId) {
                leave(session, projectId);
            }
        }
        for (Session session : List.copyOf(feed.joining)) {
            if (session.principal() != null && session.principal().userId() == userId) {
                leave(session, projectId);
            }
        }
    }

    /** The project is gone: nobody here receives it any more. */
    public synchronized void dropRoom(long projectId) {
        Feed feed = rooms.get(projectId);
        if (feed != null) {
            for (Session session : List.copyOf(feed.sessions)) {
                leave(session, projectId);
            }
            for (Session session : List.copyOf(feed.joining)) {
                leave(session, projectId);
            }
        }
    }

    /** Hands an event to this instance's connections in the room. */
    public void deliverToRoom(long projectId, OutboundEvent event) {
        Feed feed = rooms.get(projectId);
        if (feed != null) {
            feed.sessions.forEach(session -> session.deliver(event));
        }
    }

    /** Hands an event to this instance's connections bound to a user (rooms they have not joined included). */
    public void deliverToUser(long userId, OutboundEvent event) {
        Feed feed = users.get(userId);
        if (feed != null) {
            feed.sessions.forEach(session -> session.deliver(event));
        }
    }

    /** The connections bound to a user now. */
    public List<Session> bound() {
        return open.stream().filter(session -> session.principal() != null).toList();
    }

    public int openSessions() {
        return open.size();
    }

    /** Closes every connection (shutdown). */
    public void closeAll(String reason) {
        List.copyOf(open).forEach(session -> session.close(reason));
    }

    private List<Long> unbind(Session session) {
        List<Long> left = List.copyOf(session.rooms());
        for (Long room : left) {
            leave(session, room);
        }
        for (Long room : List.copyOf(session.joining())) {
            leave(session, room);
        }
        Principal principal = session.principal();
        if (principal != null) {
            unsubscribe(users, principal.userId(), session);
        }
        session.bind(null, null);
        return left;
    }

    private Future<Void> subscribe(Map<Long, Feed> feeds, long key, String prefix, Session session, boolean joining) {
        Feed feed = feeds.computeIfAbsent(key, k -> {
            Feed created = new Feed();
            created.consumer = bus.consumer(prefix + k, message -> {
                OutboundEvent event = OutboundEvent.fromBus(message.body());
                created.sessions.forEach(s -> s.deliver(event));
                if (feeds == rooms && JOINED.equals(event.type())) {
                    tellWhoIsHere(k, created, event);
                }
            });
            return created;
        });
        (joining ? feed.joining : feed.sessions).add(session);
        return ready(feed);
    }

    /**
     * Someone opened a room this instance has connections in: tell them (through their user's feed,
     * wherever they are) who of this instance's users already has it open. Every instance does so for
     * its own, so the joiner learns the whole room from the answers together.
     */
    private void tellWhoIsHere(long projectId, Feed feed, OutboundEvent joined) {
        Presence joiner = Presence.fromJson(joined.data());
        List<UserRef> here = feed.sessions.stream().map(Session::principal)
            .filter(p -> p != null && p.userId() != joiner.userId())
            .map(p -> new UserRef(p.userId(), p.username())).distinct().toList();
        if (!here.isEmpty()) {
            ServerEvent.Here answer = new ServerEvent.Here(new WhoIsHere(projectId, here));
            bus.publish(BusAddresses.CHAT_USER_PREFIX + joiner.userId(),
                new OutboundEvent(answer.type(), answer.data()).toBus());
        }
    }

    private void unsubscribe(Map<Long, Feed> feeds, long key, Session session) {
        Feed feed = feeds.get(key);
        if (feed == null) {
            return;
        }
        boolean removed = feed.sessions.remove(session) | feed.joining.remove(session);
        if (removed && feed.unused()) {
            feeds.remove(key);
            feed.consumer.unregister();
        }
    }

    private static Future<Void> ready(Feed feed) {
        return feed == null ? Future.succeededFuture() : feed.consumer.completion();
    }
}
