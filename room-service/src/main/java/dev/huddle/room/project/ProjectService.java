package dev.huddle.room.project;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.room.project.AddResult.Outcome;
import dev.huddle.room.project.RoomPolicy.Operation;
import dev.huddle.contracts.room.RoomEvent;
import dev.huddle.contracts.UserRef;
import dev.huddle.server.token.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The project rules: who may create, see and change which project, and the room events each change
 * produces. Plain Java and blocking (SQLite): the verticles run it on worker threads.
 *
 * <p>Usernames are resolved to users before a call (room-service asks auth-service), so methods take
 * {@link UserRef}s plus the names nobody has. Username comparisons ignore case (usernames are ASCII).
 * An unknown project id is NOT_FOUND for everyone, checked before {@link RoomPolicy}.
 *
 * <p>Every mutating method commits, applies the resulting events to the {@link MembershipCache}
 * and returns them for the caller to publish. Changes are serialised: each one reads the project,
 * checks the policy, commits and updates the cache under one lock, so decisions are taken on the
 * current state and the cache sees the changes in commit order. Share one instance (and one cache)
 * among all the verticles of a process.
 */
public final class ProjectService {

    /** A new project, what became of each initial member, and its one {@code project_created} event. */
    public record Created(Project project, List<AddResult> report, List<RoomEvent> events) {
    }

    /** The project after adding, the per-name report, and one {@code member_added} event per added user. */
    public record Added(Project project, List<AddResult> report, List<RoomEvent> events) {
    }

    /** The project after a change ({@code null} once deleted) and the events it produced (none for a no-op). */
    public record Changed(Project projectAfter, List<RoomEvent> events) {
    }

    private final ProjectRepository repository;
    private final MembershipCache cache;
    private final Clock clock;
    private final ReentrantLock writes = new ReentrantLock();

    public ProjectService(ProjectRepository repository, MembershipCache cache, Clock clock) {
        this.repository = repository;
        this.cache = cache;
        this.clock = clock;
    }

    /** As {@link #create(Principal, String, List, List, List)}, reporting resolved users before unknown names. */
    public Created create(Principal caller, String name, List<UserRef> initialMembers, List<String> unknownNames) {
        return create(caller, name, initialMembers, unknownNames, List.of());
    }

    /**
     * Creates a project owned by the caller, who is also its first member. Each other distinct user
     * becomes a member; the caller in the list is reported {@code already_member}, unknown names
     * {@code unknown_user}. The report follows {@code requestedOrder} (the names as typed).
     */
    public Created create(Principal caller, String name, List<UserRef> initialMembers, List<String> unknownNames,
                          List<String> requestedOrder) {
        String validName = ProjectRules.validateName(name);
        return write(() -> {
            Instant now = now();
            List<Member> members = new ArrayList<>();
            members.add(new Member(caller.userId(), caller.username(), MemberRole.OWNER, now));
            List<AddResult> report = new ArrayList<>();
            for (UserRef user : distinct(initialMembers)) {
                if (user.id() == caller.userId()) {
                    report.add(new AddResult(user.username(), Outcome.ALREADY_MEMBER));
                } else {
                    members.add(new Member(user.id(), user.username(), MemberRole.MEMBER, now));
                    report.add(new AddResult(user.username(), Outcome.ADDED));
                }
            }
            Project project = repository.insert(validName, caller.userId(), members, now);
            List<RoomEvent> events = List.of(new RoomEvent.ProjectCreated(project.id(), project.name(),
                by(caller), project.memberRefs(), now));
            return new Created(project, finish(report, unknownNames, requestedOrder), applied(events));
        });
    }

    /** The projects the caller owns or belongs to, newest first, with the caller's role. */
    public List<ProjectSummary> listMine(Principal caller) {
        return repository.listForUser(caller.userId());
    }

    /** Every project, newest first; admins only (FORBIDDEN otherwise). */
    public List<ProjectSummary> listAll(Principal caller) {
        if (!caller.isAdmin()) {
            throw new HuddleException(ErrorCode.FORBIDDEN, "only an admin may list every project");
        }
        return repository.listAll(caller.userId());
    }

    /** The project with its members, for its members and admins. */
    public Project details(Principal caller, long projectId) {
        Project project = existing(projectId);
        authorize(caller, project, Operation.VIEW);
        return project;
    }

    /** As {@link #addMembers(Principal, long, List, List, List)}, reporting resolved users before unknown names. */
    public Added addMembers(Principal caller, long projectId, List<UserRef> resolved, List<String> unknownNames) {
        return addMembers(caller, projectId, resolved, unknownNames, List.of());
    }

    /**
     * Adds the distinct {@code resolved} users who are not members yet (owner or admin only). The
     * report has one entry per distinct name, in {@code requestedOrder} (the names as typed).
     */
    public Added addMembers(Principal caller, long projectId, List<UserRef> resolved, List<String> unknownNames,
                            List<String> requestedOrder) {
        return write(() -> {
            Project project = existing(projectId);
            authorize(caller, project, Operation.ADD_MEMBERS);
            Instant now = now();
            List<UserRef> users = distinct(resolved);
            List<Member> candidates = users.stream().filter(u -> project.member(u.id()).isEmpty())
                .map(u -> new Member(u.id(), u.username(), MemberRole.MEMBER, now)).toList();
            List<Member> added = candidates.isEmpty() ? List.of() : repository.addMembers(projectId, candidates);
            Set<Long> addedIds = new HashSet<>();
            added.forEach(m -> addedIds.add(m.userId()));
            List<AddResult> report = new ArrayList<>();
            users.forEach(u -> report.add(new AddResult(u.username(),
                addedIds.contains(u.id()) ? Outcome.ADDED : Outcome.ALREADY_MEMBER)));
            List<RoomEvent> events = added.stream().<RoomEvent>map(m -> new RoomEvent.MemberAdded(projectId, m.ref(),
                MemberRole.MEMBER.wireName(), by(caller), now)).toList();
            Project after = added.isEmpty() ? project : existing(projectId);
            return new Added(after, finish(report, unknownNames, requestedOrder), applied(events));
        });
    }

    /** Removes a member (owner or admin only); the owner cannot be kicked (CONFLICT). */
    public Changed kick(Principal caller, long projectId, String username) {
        String wanted = requireUsername(username);
        return write(() -> {
            Project project = existing(projectId);
            authorize(caller, project, Operation.KICK);
            Member target = memberNamed(project, wanted);
            if (target.role() == MemberRole.OWNER) {
                throw new HuddleException(ErrorCode.CONFLICT,
                    "the owner cannot be removed: hand over ownership or delete the project");
            }
            repository.removeMember(projectId, target.userId());
            return changed(projectId, new RoomEvent.MemberRemoved(projectId, target.ref(), RoomEvent.Reason.KICKED,
                by(caller), now()));
        });
    }

    /** The caller leaves the project; the owner cannot (CONFLICT). */
    public Changed leave(Principal caller, long projectId) {
        return write(() -> {
            Project project = existing(projectId);
            authorize(caller, project, Operation.LEAVE);
            repository.removeMember(projectId, caller.userId());
            return changed(projectId, new RoomEvent.MemberRemoved(projectId, by(caller), RoomEvent.Reason.LEFT,
                by(caller), now()));
        });
    }

    /**
     * Hands ownership to another member (owner or admin only); the old owner stays as a member.
     * Naming the current owner is a no-op that returns no events, so a repeated request is harmless.
     */
    public Changed transferOwnership(Principal caller, long projectId, String newOwnerUsername) {
        String wanted = requireUsername(newOwnerUsername);
        return write(() -> {
            Project project = existing(projectId);
            authorize(caller, project, Operation.TRANSFER_OWNERSHIP);
            Member target = memberNamed(project, wanted);
            if (target.role() == MemberRole.OWNER) {
                return new Changed(project, List.of());
            }
            repository.setOwner(projectId, target.userId());
            return changed(projectId, new RoomEvent.OwnerChanged(projectId, project.ownerRef(), target.ref(),
                by(caller), now()));
        });
    }

    /** Renames the project (owner or admin only); the same name again is a no-op without events. */
    public Changed rename(Principal caller, long projectId, String name) {
        String validName = ProjectRules.validateName(name);
        return write(() -> {
            Project project = existing(projectId);
            authorize(caller, project, Operation.RENAME);
            if (project.name().equals(validName)) {
                return new Changed(project, List.of());
            }
            repository.rename(projectId, validName);
            return changed(projectId, new RoomEvent.ProjectRenamed(projectId, validName, by(caller), now()));
        });
    }

    /** Deletes the project and its memberships (owner or admin only); the event names the former members. */
    public Changed delete(Principal caller, long projectId) {
        return write(() -> {
            Project project = existing(projectId);
            authorize(caller, project, Operation.DELETE);
            repository.delete(projectId);
            List<RoomEvent> events = List.of(new RoomEvent.ProjectDeleted(projectId, project.memberRefs(),
                by(caller), now()));
            return new Changed(null, applied(events));
        });
    }

    private <T> T write(Supplier<T> change) {
        writes.lock();
        try {
            return change.get();
        } finally {
            writes.unlock();
        }
    }

    private List<RoomEvent> applied(List<RoomEvent> events) {
        events.forEach(cache::apply);
        return events;
    }

    private Changed changed(long projectId, RoomEvent event) {
        List<RoomEvent> events = applied(List.of(event));
        return new Changed(existing(projectId), events);
    }

    private Project existing(long projectId) {
        return repository.findById(projectId)
            .orElseThrow(() -> new HuddleException(ErrorCode.NOT_FOUND, "no project with id " + projectId));
    }

    private static void authorize(Principal caller, Project project, Operation op) {
        RoomPolicy.check(op, project.roleOf(caller.userId()), caller.isAdmin());
    }

    private static Member memberNamed(Project project, String username) {
        return project.memberNamed(username).orElseThrow(() ->
            new HuddleException(ErrorCode.NOT_MEMBER, username + " is not a member of this project"));
    }

    // The name is echoed in a one-line reply: refuse what could break the line or flood it.
    private static String requireUsername(String username) {
        String trimmed = username == null ? "" : username.strip();
        if (trimmed.isEmpty() || trimmed.length() > 64 || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw HuddleException.badRequest("a username is required");
        }
        return trimmed;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static UserRef by(Principal caller) {
        return new UserRef(caller.userId(), caller.username());
    }

    private static List<UserRef> distinct(List<UserRef> users) {
        Map<Long, UserRef> byId = new LinkedHashMap<>();
        users.forEach(u -> byId.putIfAbsent(u.id(), u));
        return List.copyOf(byId.values());
    }

    /**
     * Adds the unknown names (once each, and not when a resolved user has that name) and orders the
     * report as the names were requested; entries the request does not name keep their place at the end.
     */
    private static List<AddResult> finish(List<AddResult> report, List<String> unknownNames,
                                          List<String> requestedOrder) {
        Map<String, AddResult> byName = new LinkedHashMap<>();
        report.forEach(r -> byName.putIfAbsent(key(r.username()), r));
        MemberListParser.normalize(unknownNames)
            .forEach(name -> byName.putIfAbsent(key(name), new AddResult(name, Outcome.UNKNOWN_USER)));
        List<AddResult> ordered = new ArrayList<>();
        for (String name : MemberListParser.normalize(requestedOrder)) {
            AddResult result = byName.remove(key(name));
            if (result != null) {
                ordered.add(result);
            }
        }
        ordered.addAll(byName.values());
        return List.copyOf(ordered);
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
