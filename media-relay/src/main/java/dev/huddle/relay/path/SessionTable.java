package dev.huddle.relay.path;

import dev.huddle.server.media.MediaTicket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every session on this relay, by id, by source address and by room. A session id is a slot number
 * (low 16 bits) and that slot's generation (high bits, never 0): looking up a packet's session is an
 * array read, and an id from a closed session never matches the slot's next occupant.
 * Owned by the data path thread; only the counts are read from elsewhere.
 */
final class SessionTable {

    static final int CAPACITY = 1 << 16;
    private static final int MAX_GENERATION = 0x7FFF;

    private final Session[] slots = new Session[CAPACITY];
    private final int[] generations = new int[CAPACITY];
    private final int[] free = new int[CAPACITY];
    private int freeCount;
    private final Map<InetSocketAddress, Session> byAddress = new HashMap<>();
    private final Map<Long, CallRoom> rooms = new HashMap<>();
    private volatile int sessionCount;
    private volatile int roomCount;

    SessionTable() {
        for (int slot = CAPACITY - 1; slot >= 0; slot--) {
            free[freeCount++] = slot;
        }
    }

    /** A new session for {@code ticket} from {@code address}, or {@code null} when the relay is full. */
    Session open(MediaTicket ticket, InetSocketAddress address, SourceLimiter limiter, long nowNanos) {
        if (freeCount == 0) {
            return null;
        }
        int slot = free[--freeCount];
        int generation = generations[slot] % MAX_GENERATION + 1;
        generations[slot] = generation;
        CallRoom room = rooms.computeIfAbsent(ticket.projectId(), CallRoom::new);
        Session session = new Session(generation << 16 | slot, address, ticket, limiter, room, nowNanos);
        slots[slot] = session;
        room.add(session);
        byAddress.put(address, session);
        counts();
        return session;
    }

    /** The session with this id, or {@code null}. */
    Session byId(int id) {
        Session session = slots[id & 0xFFFF];
        return session != null && session.id == id ? session : null;
    }

    Session byAddress(InetSocketAddress address) {
        return byAddress.get(address);
    }

    void close(Session session) {
        int slot = session.id & 0xFFFF;
        if (slots[slot] != session) {
            return;
        }
        slots[slot] = null;
        free[freeCount++] = slot;
        byAddress.remove(session.address, session);
        session.room.remove(session);
        if (session.room.isEmpty()) {
            rooms.remove(session.room.projectId, session.room);
        }
        counts();
    }

    /** The sessions of a room's call, in join order; empty when there is no call. */
    List<Session> room(long projectId) {
        CallRoom room = rooms.get(projectId);
        return room == null ? List.of() : List.of(room.members);
    }

    /** Every session {@code test} accepts (a copy: the caller may close them). */
    List<Session> matching(Predicate<Session> test) {
        List<Session> found = new ArrayList<>();
        for (Session session : byAddress.values()) {
            if (test.test(session)) {
                found.add(session);
            }
        }
        return found;
    }

    List<Long> roomIds() {
        return List.copyOf(rooms.keySet());
    }

    int sessionCount() {
        return sessionCount;
    }

    int roomCount() {
        return roomCount;
    }

    private void counts() {
        sessionCount = byAddress.size();
        roomCount = rooms.size();
    }
}
