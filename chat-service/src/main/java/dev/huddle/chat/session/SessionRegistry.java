package dev.huddle.chat.session;

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
 * ({@code huddle.chat.room.<id>}) is subscribed while at least one local connection is in the room,
 * a user's feed ({@code huddle.chat.user.<id>}) while that user has a local connection; so a message
 * travels only to the instances that have someone to give it to.
 */
public final class SessionRegistry {

    /** A subscribed feed and the local connections it serves. */
    private static final class Feed {
        final Set<Session> sessions = ConcurrentHashMap.newKeySet();
        MessageConsumer<JsonObject> consumer;
    }

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
        for (Long room : List.copyOf(session.rooms())) {
            leave(session, room);
        }
        Principal principal = session.principal();
        if (principal != null) {
            unsubscribe(users, principal.userId(), session);
        }
    }

    /**
     * Ties the connection to its user (so direct messages reach it). Completes once the user's feed
     * is subscribed cluster-wide.
     */
    public synchronized Future<Void> bind(Session session, Principal principal) {
        Principal current = session.principal();
        if (current != null && current.userId() == principal.userId()) {
            return ready(users.get(principal.userId()));
        }
        if (current != null) {
            unsubscribe(users, current.userId(), session);
        }
        session.bind(principal);
        return subscribe(users, principal.userId(), BusAddresses.CHAT_USER_PREFIX, session);
    }

    /** Starts delivering the room's events; completes once the room's feed is subscribed cluster-wide. */
    public synchronized Future<Void> join(Session session, long projectId) {
        session.rooms().add(projectId);
        return subscribe(rooms, projectId, BusAddresses.CHAT_ROOM_PREFIX, session);
    }

    /** Stops delivering the room's events to this connection. */
    public synchronized void leave(Session session, long projectId) {
        session.rooms().remove(projectId);
        unsubscribe(rooms, projectId, session);
    }

    /** A member was removed from a project: their local connections stop receiving it now. */
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
    }

    /** The project is gone: nobody here receives it any more. */
    public synchronized void dropRoom(long projectId) {
        Feed feed = rooms.get(projectId);
        if (feed != null) {
            for (Session session : List.copyOf(feed.sessions)) {
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

    public int openSessions() {
        return open.size();
    }

    /** Closes every connection (shutdown). */
    public void closeAll(String reason) {
        List.copyOf(open).forEach(session -> session.close(reason));
    }

    private Future<Void> subscribe(Map<Long, Feed> feeds, long key, String prefix, Session session) {
        Feed feed = feeds.computeIfAbsent(key, k -> {
            Feed created = new Feed();
            created.consumer = bus.consumer(prefix + k, message -> {
                OutboundEvent event = OutboundEvent.fromBus(message.body());
                created.sessions.forEach(s -> s.deliver(event));
            });
            return created;
        });
        feed.sessions.add(session);
        return ready(feed);
    }

    private void unsubscribe(Map<Long, Feed> feeds, long key, Session session) {
        Feed feed = feeds.get(key);
        if (feed != null && feed.sessions.remove(session) && feed.sessions.isEmpty()) {
            feeds.remove(key);
            feed.consumer.unregister();
        }
    }

    private static Future<Void> ready(Feed feed) {
        return feed == null ? Future.succeededFuture() : feed.consumer.completion();
    }
}
