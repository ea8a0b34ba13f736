package dev.huddle.room.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.Role;
import dev.huddle.contracts.room.RoomEvent;
import dev.huddle.contracts.UserRef;
import dev.huddle.server.db.Database;
import dev.huddle.server.testing.MutableClock;
import dev.huddle.server.token.Principal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * A project service on a temp SQLite file, with a few users, recording every event it returns and
 * checking after every change that the membership cache still equals the database.
 */
final class RoomFixture implements AutoCloseable {

    static final UserRef ALICE = new UserRef(1, "alice");
    static final UserRef BOB = new UserRef(2, "bob");
    static final UserRef CAROL = new UserRef(3, "Carol");
    static final UserRef DAVE = new UserRef(4, "dave");
    static final UserRef ROOT = new UserRef(9, "root");
    static final List<UserRef> EVERYONE = List.of(ALICE, BOB, CAROL, DAVE, ROOT);

    private static final Instant FAR_FUTURE = Instant.parse("2099-01-01T00:00:00Z");

    static final Principal AS_ALICE = user(ALICE);
    static final Principal AS_BOB = user(BOB);
    static final Principal AS_CAROL = user(CAROL);
    static final Principal AS_DAVE = user(DAVE);
    static final Principal AS_ROOT = new Principal(ROOT.id(), ROOT.username(), Role.ADMIN, "jti-root", FAR_FUTURE);

    final MutableClock clock = MutableClock.atFixedInstant();
    final Database database;
    final ProjectRepository repository;
    final MembershipCache cache = new MembershipCache();
    final ProjectService service;
    /** Every event the service returned, in order: what the bus would have carried. */
    final List<RoomEvent> published = new ArrayList<>();

    RoomFixture(Path dir) {
        database = Database.open(dir, "room-service");
        repository = new ProjectRepository(database);
        cache.load(repository);
        service = new ProjectService(repository, cache, clock);
    }

    static Principal user(UserRef ref) {
        return new Principal(ref.id(), ref.username(), Role.USER, "jti-" + ref.id(), FAR_FUTURE);
    }

    /** Creates a project with resolved initial members only. */
    Project create(Principal owner, String name, UserRef... members) {
        return created(service.create(owner, name, List.of(members), List.of())).project();
    }

    ProjectService.Created created(ProjectService.Created result) {
        record(result.events());
        return result;
    }

    ProjectService.Added added(ProjectService.Added result) {
        record(result.events());
        return result;
    }

    ProjectService.Changed changed(ProjectService.Changed result) {
        record(result.events());
        return result;
    }

    private void record(List<RoomEvent> events) {
        published.addAll(events);
        assertCacheMatchesDatabase();
    }

    /** The cache holds exactly the database's memberships, indexed both ways. */
    void assertCacheMatchesDatabase() {
        Map<Long, List<Member>> stored = new TreeMap<>(repository.loadAllMemberships());
        assertThat(cache.snapshot()).isEqualTo(stored);
        for (UserRef user : EVERYONE) {
            List<Long> expected = stored.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(m -> m.userId() == user.id()))
                .map(Map.Entry::getKey).toList();
            assertThat(cache.projectsOf(user.id())).as("projects of %s", user.username()).isEqualTo(expected);
        }
        stored.forEach((id, members) -> {
            assertThat(cache.exists(id)).isTrue();
            members.forEach(m -> assertThat(cache.roleOf(id, m.userId())).contains(m.role()));
        });
    }

    /** Asserts {@code call} is refused with {@code code} and leaves the database as it was. */
    void assertRefused(ThrowingCallable call, ErrorCode code) {
        Map<Long, List<Member>> before = repository.loadAllMemberships();
        List<ProjectSummary> projectsBefore = repository.listAll(ROOT.id());
        int eventsBefore = published.size();
        assertThatThrownBy(call)
            .isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.code()).isEqualTo(code));
        assertThat(repository.loadAllMemberships()).isEqualTo(before);
        assertThat(repository.listAll(ROOT.id())).isEqualTo(projectsBefore);
        assertThat(published).hasSize(eventsBefore);
        assertCacheMatchesDatabase();
    }

    @Override
    public void close() {
        database.close();
    }
}
