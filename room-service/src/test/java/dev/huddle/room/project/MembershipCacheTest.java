package dev.huddle.room.project;

import static dev.huddle.room.project.RoomFixture.ALICE;
import static dev.huddle.room.project.RoomFixture.AS_ALICE;
import static dev.huddle.room.project.RoomFixture.AS_BOB;
import static dev.huddle.room.project.RoomFixture.AS_CAROL;
import static dev.huddle.room.project.RoomFixture.AS_ROOT;
import static dev.huddle.room.project.RoomFixture.BOB;
import static dev.huddle.room.project.RoomFixture.CAROL;
import static dev.huddle.room.project.RoomFixture.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.room.RoomEvent;
import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.room.RoomEventJson;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MembershipCacheTest {

    @TempDir
    Path dir;
    RoomFixture f;
    ProjectService service;

    @BeforeEach
    void open() {
        f = new RoomFixture(dir);
        service = f.service;
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** Every kind of change, several projects, a clock that moves: checks the cache after each step. */
    private void aBusyDay() {
        Project launch = f.create(AS_ALICE, "Launch", BOB, CAROL);
        f.clock.advance(Duration.ofMinutes(1));
        Project standup = f.create(AS_BOB, "Standup", ALICE);
        f.clock.advance(Duration.ofMinutes(1));
        f.added(service.addMembers(AS_ALICE, launch.id(), List.of(DAVE, BOB), List.of("ghost")));
        f.changed(service.kick(AS_ALICE, launch.id(), "carol"));
        f.changed(service.transferOwnership(AS_ALICE, launch.id(), "dave"));
        f.clock.advance(Duration.ofSeconds(30));
        f.changed(service.leave(AS_ALICE, launch.id()));
        f.changed(service.rename(AS_BOB, standup.id(), "Daily standup"));
        f.create(AS_CAROL, "Carol's corner");
        f.changed(service.delete(AS_BOB, standup.id()));
        f.added(service.addMembers(AS_ROOT, launch.id(), List.of(CAROL, ALICE), List.of()));
    }

    @Test
    void answersWhoIsInWhichProject() {
        Project launch = f.create(AS_ALICE, "Launch", BOB);
        f.create(AS_CAROL, "Other");

        assertThat(f.cache.exists(launch.id())).isTrue();
        assertThat(f.cache.exists(999)).isFalse();
        assertThat(f.cache.roleOf(launch.id(), ALICE.id())).contains(MemberRole.OWNER);
        assertThat(f.cache.roleOf(launch.id(), BOB.id())).contains(MemberRole.MEMBER);
        assertThat(f.cache.roleOf(launch.id(), CAROL.id())).isEmpty();
        assertThat(f.cache.roleOf(999, ALICE.id())).isEmpty();
        assertThat(f.cache.members(launch.id())).isEqualTo(launch.members());
        assertThat(f.cache.members(999)).isEmpty();
        assertThat(f.cache.projectsOf(BOB.id())).containsExactly(launch.id());
        assertThat(f.cache.projectsOf(DAVE.id())).isEmpty();
    }

    @Test
    void staysEqualToTheDatabaseThroughEveryKindOfChange() {
        aBusyDay();

        f.assertCacheMatchesDatabase();
        assertThat(f.cache.snapshot()).hasSize(2);
    }

    @Test
    void aCacheLoadedFreshFromTheDatabaseEqualsTheLiveOne() {
        aBusyDay();

        MembershipCache fresh = new MembershipCache();
        fresh.load(f.repository);

        assertThat(fresh.snapshot()).isEqualTo(f.cache.snapshot());
        for (UserRef user : RoomFixture.EVERYONE) {
            assertThat(fresh.projectsOf(user.id())).isEqualTo(f.cache.projectsOf(user.id()));
        }
    }

    @Test
    void aSecondInstanceFollowingThePublishedEventsEndsUpWithTheSameCache() {
        aBusyDay();

        MembershipCache follower = new MembershipCache();
        // through the wire format, as another instance would receive them from the bus
        f.published.forEach(e -> follower.apply(
            RoomEventJson.fromJson(new JsonObject(RoomEventJson.toJson(e).encode()))));

        assertThat(follower.snapshot()).isEqualTo(f.cache.snapshot());
        for (UserRef user : RoomFixture.EVERYONE) {
            assertThat(follower.projectsOf(user.id())).isEqualTo(f.cache.projectsOf(user.id()));
        }
    }

    @Test
    void applyingAnEventTwiceChangesNothing() {
        aBusyDay();

        MembershipCache follower = new MembershipCache();
        f.published.forEach(e -> {
            follower.apply(e);
            follower.apply(e);
        });

        assertThat(follower.snapshot()).isEqualTo(f.cache.snapshot());
    }

    @Test
    void eventsAboutAnUnknownProjectAreIgnored() {
        MembershipCache cache = new MembershipCache();
        Instant at = Instant.parse("2024-10-30T09:00:00Z");

        cache.apply(new RoomEvent.MemberAdded(5, BOB, "member", ALICE, at));
        cache.apply(new RoomEvent.OwnerChanged(5, ALICE, BOB, ALICE, at));
        cache.apply(new RoomEvent.MemberRemoved(5, BOB, RoomEvent.Reason.LEFT, BOB, at));
        cache.apply(new RoomEvent.ProjectDeleted(5, List.of(ALICE, BOB), ALICE, at));

        assertThat(cache.exists(5)).isFalse();
        assertThat(cache.projectsOf(BOB.id())).isEmpty();
    }

    @Test
    void loadingReplacesWhatWasThere() {
        f.create(AS_ALICE, "Launch", BOB);
        MembershipCache cache = new MembershipCache();
        cache.apply(new RoomEvent.ProjectCreated(77, "Stale", CAROL, List.of(CAROL), Instant.EPOCH));

        cache.load(f.repository);

        assertThat(cache.exists(77)).isFalse();
        assertThat(cache.projectsOf(CAROL.id())).isEmpty();
        assertThat(cache.snapshot()).isEqualTo(f.cache.snapshot());
    }
}
