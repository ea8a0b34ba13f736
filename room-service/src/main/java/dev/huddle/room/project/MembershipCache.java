package dev.huddle.room.project;

import dev.huddle.contracts.room.RoomEvent;
import dev.huddle.contracts.room.RoomEvent.MemberAdded;
import dev.huddle.contracts.room.RoomEvent.MemberRemoved;
import dev.huddle.contracts.room.RoomEvent.OwnerChanged;
import dev.huddle.contracts.room.RoomEvent.ProjectCreated;
import dev.huddle.contracts.room.RoomEvent.ProjectDeleted;
import dev.huddle.contracts.room.RoomEvent.ProjectRenamed;
import dev.huddle.contracts.UserRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Who is in which project, in memory, for the questions asked on every chat message and call
 * packet ("is U in P, with what role?", "who is in P?", "which projects is U in?").
 *
 * <h2>Consistency</h2>
 * The cache is exact, not a guess with a time-to-live: it changes only by {@link #load} (from the
 * database, at start) and by {@link #apply} of the {@link RoomEvent}s of committed changes.
 * {@link ProjectService} applies the events of each change right after committing it, with its
 * writes serialised, so once a mutating call has returned the cache equals the database. Between a
 * commit and its {@code apply} a reader still sees the previous state.
 *
 * <p>Reads take no lock. A project's membership is replaced as one immutable snapshot, so
 * {@link #roleOf} and {@link #members} never see half a change; the user index
 * ({@link #projectsOf}) is updated just after, so for that instant the two may disagree.
 *
 * <p>Another instance can follow the same changes by applying the published events in order from
 * the same starting point. Applying is idempotent (a repeated event changes nothing) and ignores
 * events about projects it does not know. Events carry no version, so a cache loaded from the
 * database while changes were being made may replay a change the load already saw, out of order:
 * load when no writes are in flight, or load again.
 *
 * <p>Memory: projectId → (userId → {@link Member}) plus userId → projectIds.
 */
public final class MembershipCache {

    // members keyed by user id, and the same members in listing order for members()
    private record Roster(Map<Long, Member> byUser, List<Member> listed) {

        static Roster of(Iterable<Member> members) {
            Map<Long, Member> byUser = new HashMap<>();
            members.forEach(m -> byUser.put(m.userId(), m));
            return new Roster(Map.copyOf(byUser), byUser.values().stream().sorted(Member.LISTING_ORDER).toList());
        }
    }

    // swapped whole by load(), so readers never see a half-loaded cache
    private record State(ConcurrentHashMap<Long, Roster> byProject, ConcurrentHashMap<Long, List<Long>> byUser) {

        State() {
            this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    private volatile State state = new State();
    // one writer at a time: each write reads a snapshot and replaces it
    private final ReentrantLock writes = new ReentrantLock();

    /** The role of {@code userId} in {@code projectId}; empty if not a member or no such project. */
    public Optional<MemberRole> roleOf(long projectId, long userId) {
        Roster roster = state.byProject().get(projectId);
        return roster == null ? Optional.empty() : Optional.ofNullable(roster.byUser().get(userId)).map(Member::role);
    }

    /** The members of {@code projectId} in {@link Member#LISTING_ORDER}; empty if no such project. */
    public List<Member> members(long projectId) {
        Roster roster = state.byProject().get(projectId);
        return roster == null ? List.of() : roster.listed();
    }

    /** Whether the project exists. */
    public boolean exists(long projectId) {
        return state.byProject().containsKey(projectId);
    }

    /** The ids of the projects {@code userId} is in, ascending. */
    public List<Long> projectsOf(long userId) {
        return state.byUser().getOrDefault(userId, List.of());
    }

    /** Every project with its members, by ascending id: for comparing with the database. */
    public Map<Long, List<Member>> snapshot() {
        Map<Long, List<Member>> copy = new TreeMap<>();
        state.byProject().forEach((id, roster) -> copy.put(id, roster.listed()));
        return copy;
    }

    /** Replaces everything with {@code memberships} (project id → members), e.g. the repository's. */
    public void load(Map<Long, List<Member>> memberships) {
        writes.lock();
        try {
            State fresh = new State();
            memberships.forEach((projectId, members) -> {
                fresh.byProject().put(projectId, Roster.of(members));
                members.forEach(m -> index(fresh, m.userId(), projectId, true));
            });
            state = fresh;
        } finally {
            writes.unlock();
        }
    }

    /** Replaces everything with what the database holds now. */
    public void load(ProjectRepository repository) {
        load(repository.loadAllMemberships());
    }

    /**
     * Brings the cache up to date with a committed change.
     *
     * @throws IllegalArgumentException if a {@code member_added} event names no known role
     */
    public void apply(RoomEvent event) {
        writes.lock();
        try {
            switch (event) {
                case ProjectCreated e -> created(e);
                case MemberAdded e -> added(e);
                case MemberRemoved e -> removed(e.projectId(), e.user().id());
                case OwnerChanged e -> ownerChanged(e);
                case ProjectRenamed e -> {
                    // names are not cached
                }
                case ProjectDeleted e -> deleted(e);
            }
        } finally {
            writes.unlock();
        }
    }

    private void created(ProjectCreated e) {
        State s = state;
        if (s.byProject().containsKey(e.projectId())) {
            return;
        }
        List<Member> members = new ArrayList<>();
        members.add(new Member(e.owner().id(), e.owner().username(), MemberRole.OWNER, e.at()));
        for (UserRef user : e.members()) {
            if (user.id() != e.owner().id()) {
                members.add(new Member(user.id(), user.username(), MemberRole.MEMBER, e.at()));
            }
        }
        Roster roster = Roster.of(members);
        s.byProject().put(e.projectId(), roster);
        roster.byUser().keySet().forEach(userId -> index(s, userId, e.projectId(), true));
    }

    private void added(MemberAdded e) {
        State s = state;
        Roster roster = s.byProject().get(e.projectId());
        if (roster == null || roster.byUser().containsKey(e.user().id())) {
            return;
        }
        Member member = new Member(e.user().id(), e.user().username(), MemberRole.fromWire(e.role()), e.at());
        List<Member> members = new ArrayList<>(roster.listed());
        members.add(member);
        s.byProject().put(e.projectId(), Roster.of(members));
        index(s, member.userId(), e.projectId(), true);
    }

    private void removed(long projectId, long userId) {
        State s = state;
        Roster roster = s.byProject().get(projectId);
        if (roster == null || !roster.byUser().containsKey(userId)) {
            return;
        }
        s.byProject().put(projectId, Roster.of(roster.listed().stream().filter(m -> m.userId() != userId).toList()));
        index(s, userId, projectId, false);
    }

    private void ownerChanged(OwnerChanged e) {
        State s = state;
        Roster roster = s.byProject().get(e.projectId());
        if (roster == null || !roster.byUser().containsKey(e.newOwner().id())) {
            return;
        }
        long newOwner = e.newOwner().id();
        s.byProject().put(e.projectId(), Roster.of(roster.listed().stream()
            .map(m -> m.withRole(m.userId() == newOwner ? MemberRole.OWNER : MemberRole.MEMBER))
            .toList()));
    }

    private void deleted(ProjectDeleted e) {
        State s = state;
        Roster roster = s.byProject().remove(e.projectId());
        if (roster != null) {
            roster.byUser().keySet().forEach(userId -> index(s, userId, e.projectId(), false));
        }
    }

    // keeps each user's list immutable and sorted, replaced rather than changed in place
    private static void index(State s, long userId, long projectId, boolean member) {
        s.byUser().compute(userId, (id, current) -> {
            List<Long> ids = new ArrayList<>(current == null ? List.of() : current);
            ids.remove(Long.valueOf(projectId));
            if (member) {
                ids.add(projectId);
                ids.sort(null);
            }
            return ids.isEmpty() ? null : List.copyOf(ids);
        });
    }
}
