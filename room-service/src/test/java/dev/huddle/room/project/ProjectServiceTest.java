package dev.huddle.room.project;

import static dev.huddle.room.project.RoomFixture.ALICE;
import static dev.huddle.room.project.RoomFixture.AS_ALICE;
import static dev.huddle.room.project.RoomFixture.AS_BOB;
import static dev.huddle.room.project.RoomFixture.AS_CAROL;
import static dev.huddle.room.project.RoomFixture.AS_DAVE;
import static dev.huddle.room.project.RoomFixture.AS_ROOT;
import static dev.huddle.room.project.RoomFixture.BOB;
import static dev.huddle.room.project.RoomFixture.CAROL;
import static dev.huddle.room.project.RoomFixture.DAVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.room.project.AddResult.Outcome;
import dev.huddle.contracts.room.RoomEvent;
import dev.huddle.contracts.UserRef;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectServiceTest {

    static final Instant T0 = Instant.parse("2024-10-30T09:00:00Z");

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

    @Test
    void creatorOwnsTheProjectAndInitialMembersJoinOnceEach() {
        ProjectService.Created created = f.created(service.create(AS_ALICE, "  Launch ☕ ",
            List.of(BOB, ALICE, CAROL, BOB), List.of("ghost", "Ghost"), List.of("bob", "alice", "ghost", "carol")));

        Project project = created.project();
        assertThat(project.name()).isEqualTo("Launch ☕");
        assertThat(project.ownerId()).isEqualTo(ALICE.id());
        assertThat(project.createdAt()).isEqualTo(T0);
        assertThat(project.members()).extracting(Member::username, Member::role).containsExactly(
            tuple("alice", MemberRole.OWNER), tuple("bob", MemberRole.MEMBER), tuple("Carol", MemberRole.MEMBER));
        assertThat(created.report()).containsExactly(new AddResult("bob", Outcome.ADDED),
            new AddResult("alice", Outcome.ALREADY_MEMBER), new AddResult("ghost", Outcome.UNKNOWN_USER),
            new AddResult("Carol", Outcome.ADDED));
        assertThat(created.events()).containsExactly(new RoomEvent.ProjectCreated(project.id(), "Launch ☕", ALICE,
            List.of(ALICE, BOB, CAROL), T0));
        assertThat(service.details(AS_ALICE, project.id())).isEqualTo(project);
    }

    @Test
    void withoutARequestedOrderResolvedUsersAreReportedBeforeUnknownNames() {
        ProjectService.Created created = f.created(service.create(AS_ALICE, "Standup", List.of(BOB),
            List.of("ghost")));

        assertThat(created.report()).extracting(AddResult::username).containsExactly("bob", "ghost");
    }

    @Test
    void theSameNameTwiceMakesTwoProjects() {
        Project first = f.create(AS_ALICE, "Standup");
        Project second = f.create(AS_ALICE, "Standup");

        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void anInvalidNameCreatesNothing() {
        f.assertRefused(() -> service.create(AS_ALICE, " \n ", List.of(BOB), List.of()), ErrorCode.BAD_REQUEST);
        f.assertRefused(() -> service.create(AS_ALICE, "x".repeat(256), List.of(), List.of()), ErrorCode.BAD_REQUEST);
        assertThat(service.listMine(AS_ALICE)).isEmpty();
    }

    @Test
    void myProjectsAreListedNewestFirstWithMyRoleAndMemberCounts() {
        Project older = f.create(AS_ALICE, "Older", BOB);
        f.clock.advance(Duration.ofMillis(1));
        Project bobs = f.create(AS_BOB, "Bob's", ALICE, CAROL);
        Project sameInstant = f.create(AS_BOB, "Same instant, higher id");
        f.clock.advance(Duration.ofDays(1));
        f.create(AS_CAROL, "Not alice's");

        assertThat(service.listMine(AS_ALICE)).extracting(ProjectSummary::id, ProjectSummary::myRole,
            ProjectSummary::memberCount, ProjectSummary::ownerUsername).containsExactly(
            tuple(bobs.id(), MemberRole.MEMBER, 3, "bob"),
            tuple(older.id(), MemberRole.OWNER, 2, "alice"));
        assertThat(service.listMine(AS_BOB)).extracting(ProjectSummary::id)
            .containsExactly(sameInstant.id(), bobs.id(), older.id());
        assertThat(service.listMine(AS_DAVE)).isEmpty();
    }

    @Test
    void addingReportsAddedAlreadyMemberAndUnknownInTheOrderRequested() {
        Project project = f.create(AS_ALICE, "Launch", BOB);
        f.clock.advance(Duration.ofMinutes(5));
        Instant later = T0.plus(Duration.ofMinutes(5));

        ProjectService.Added added = f.added(service.addMembers(AS_ALICE, project.id(), List.of(CAROL, BOB, CAROL),
            List.of("nobody"), List.of("nobody", "carol", "BOB")));

        assertThat(added.report()).containsExactly(new AddResult("nobody", Outcome.UNKNOWN_USER),
            new AddResult("Carol", Outcome.ADDED), new AddResult("bob", Outcome.ALREADY_MEMBER));
        assertThat(added.events()).containsExactly(
            new RoomEvent.MemberAdded(project.id(), CAROL, "member", ALICE, later));
        assertThat(added.project().member(CAROL.id()))
            .contains(new Member(CAROL.id(), "Carol", MemberRole.MEMBER, later));
    }

    @Test
    void addingNobodyNewChangesNothingAndPublishesNothing() {
        Project project = f.create(AS_ALICE, "Launch", BOB);

        ProjectService.Added added = f.added(service.addMembers(AS_ALICE, project.id(), List.of(BOB, ALICE),
            List.of("ghost")));

        assertThat(added.events()).isEmpty();
        assertThat(added.project()).isEqualTo(project);
        assertThat(added.report()).extracting(AddResult::outcome)
            .containsExactly(Outcome.ALREADY_MEMBER, Outcome.ALREADY_MEMBER, Outcome.UNKNOWN_USER);
    }

    @Test
    void anOutsiderMayNotAddMembers() {
        Project project = f.create(AS_ALICE, "Launch", BOB);

        f.assertRefused(() -> service.addMembers(AS_DAVE, project.id(), List.of(DAVE), List.of()),
            ErrorCode.NOT_MEMBER);
    }

    @Test
    void aPlainMemberMayNotAddMembers() {
        Project project = f.create(AS_ALICE, "Launch", BOB);

        f.assertRefused(() -> service.addMembers(AS_BOB, project.id(), List.of(CAROL), List.of()),
            ErrorCode.NOT_OWNER);
    }

    @Test
    void anAdminWhoIsNotAMemberMayAddMembers() {
        Project project = f.create(AS_ALICE, "Launch");

        ProjectService.Added added = f.added(service.addMembers(AS_ROOT, project.id(), List.of(DAVE), List.of()));

        assertThat(added.report()).containsExactly(new AddResult("dave", Outcome.ADDED));
        assertThat(added.events()).singleElement().isInstanceOfSatisfying(RoomEvent.MemberAdded.class,
            e -> assertThat(e.by()).isEqualTo(new UserRef(9, "root")));
        assertThat(added.project().roleOf(RoomFixture.ROOT.id())).isEmpty();
    }

    @Test
    void onlyMembersAndAdminsSeeDetails() {
        Project project = f.create(AS_ALICE, "Launch", BOB);

        assertThat(service.details(AS_BOB, project.id())).isEqualTo(project);
        assertThat(service.details(AS_ROOT, project.id())).isEqualTo(project);
        f.assertRefused(() -> service.details(AS_CAROL, project.id()), ErrorCode.NOT_MEMBER);
    }

    @Test
    void anUnknownProjectIsNotFoundForEveryOperationAndEveryCaller() {
        long missing = 4242;
        f.create(AS_ALICE, "Exists");

        for (var caller : List.of(AS_ALICE, AS_ROOT)) {
            f.assertRefused(() -> service.details(caller, missing), ErrorCode.NOT_FOUND);
            f.assertRefused(() -> service.addMembers(caller, missing, List.of(BOB), List.of()), ErrorCode.NOT_FOUND);
            f.assertRefused(() -> service.kick(caller, missing, "bob"), ErrorCode.NOT_FOUND);
            f.assertRefused(() -> service.leave(caller, missing), ErrorCode.NOT_FOUND);
            f.assertRefused(() -> service.transferOwnership(caller, missing, "bob"), ErrorCode.NOT_FOUND);
            f.assertRefused(() -> service.rename(caller, missing, "New"), ErrorCode.NOT_FOUND);
            f.assertRefused(() -> service.delete(caller, missing), ErrorCode.NOT_FOUND);
        }
    }

    @Test
    void onlyAnAdminListsEveryProjectWithTheirOwnRoleWhereTheyBelong() {
        Project alices = f.create(AS_ALICE, "Alice's");
        f.clock.advance(Duration.ofSeconds(1));
        Project roots = f.create(AS_ROOT, "Root's", BOB);

        f.assertRefused(() -> service.listAll(AS_ALICE), ErrorCode.FORBIDDEN);
        assertThat(service.listAll(AS_ROOT)).extracting(ProjectSummary::id, ProjectSummary::myRole)
            .containsExactly(tuple(roots.id(), MemberRole.OWNER), tuple(alices.id(), null));
    }

    @Test
    void detailsAndSummariesHaveTheDocumentedJsonShape() {
        Project project = f.create(AS_ALICE, "Launch", BOB);

        assertThat(project.toJson()).isEqualTo(new JsonObject("""
            {"id":%d,"name":"Launch","owner":{"id":1,"username":"alice"},"createdAt":"2024-10-30T09:00:00Z",
             "members":[{"id":1,"username":"alice","role":"owner","addedAt":"2024-10-30T09:00:00Z"},
                        {"id":2,"username":"bob","role":"member","addedAt":"2024-10-30T09:00:00Z"}]}"""
            .formatted(project.id())));
        assertThat(service.listMine(AS_BOB).getFirst().toJson()).isEqualTo(new JsonObject("""
            {"id":%d,"name":"Launch","owner":{"id":1,"username":"alice"},"memberCount":2,"myRole":"member",
             "createdAt":"2024-10-30T09:00:00Z"}""".formatted(project.id())));
        assertThat(service.listAll(AS_ROOT).getFirst().toJson().getValue("myRole")).isNull();
    }
}
