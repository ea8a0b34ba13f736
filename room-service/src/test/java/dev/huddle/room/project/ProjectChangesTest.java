package dev.huddle.room.project;

import static dev.huddle.room.project.RoomFixture.ALICE;
import static dev.huddle.room.project.RoomFixture.AS_ALICE;
import static dev.huddle.room.project.RoomFixture.AS_BOB;
import static dev.huddle.room.project.RoomFixture.AS_CAROL;
import static dev.huddle.room.project.RoomFixture.AS_DAVE;
import static dev.huddle.room.project.RoomFixture.AS_ROOT;
import static dev.huddle.room.project.RoomFixture.BOB;
import static dev.huddle.room.project.RoomFixture.CAROL;
import static dev.huddle.room.project.RoomFixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.room.RoomEvent;
import dev.huddle.contracts.room.RoomEvent.Reason;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kick, leave, hand over, rename and delete: what each allows, refuses, stores and publishes. */
class ProjectChangesTest {

    static final Instant T0 = Instant.parse("2024-10-30T09:00:00Z");

    @TempDir
    Path dir;
    RoomFixture f;
    ProjectService service;
    Project project;

    @BeforeEach
    void open() {
        f = new RoomFixture(dir);
        service = f.service;
        project = f.create(AS_ALICE, "Launch", BOB, CAROL);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theOwnerKicksAMemberWhoThenCannotSeeTheProject() {
        ProjectService.Changed kicked = f.changed(service.kick(AS_ALICE, project.id(), "BOB"));

        assertThat(kicked.events()).containsExactly(
            new RoomEvent.MemberRemoved(project.id(), BOB, Reason.KICKED, ALICE, T0));
        assertThat(kicked.projectAfter().roleOf(BOB.id())).isEmpty();
        assertThat(service.listMine(AS_BOB)).isEmpty();
        f.assertRefused(() -> service.details(AS_BOB, project.id()), ErrorCode.NOT_MEMBER);
    }

    @Test
    void anAdminMayKickAndTheEventNamesThem() {
        ProjectService.Changed kicked = f.changed(service.kick(AS_ROOT, project.id(), "carol"));

        assertThat(kicked.events()).containsExactly(
            new RoomEvent.MemberRemoved(project.id(), CAROL, Reason.KICKED, ROOT, T0));
    }

    @Test
    void kickingSomeoneOutsideTheProjectIsNotMember() {
        assertThatThrownBy(() -> service.kick(AS_ALICE, project.id(), "dave"))
            .hasMessage("dave is not a member of this project");
        f.assertRefused(() -> service.kick(AS_ALICE, project.id(), "dave"), ErrorCode.NOT_MEMBER);
    }

    @Test
    void aMemberMayNotKickAndAnOutsiderIsNotToldWhoIsIn() {
        f.assertRefused(() -> service.kick(AS_BOB, project.id(), "carol"), ErrorCode.NOT_OWNER);
        f.assertRefused(() -> service.kick(AS_DAVE, project.id(), "carol"), ErrorCode.NOT_MEMBER);
    }

    @Test
    void theOwnerCannotBeKickedEvenByAnAdmin() {
        f.assertRefused(() -> service.kick(AS_ROOT, project.id(), "alice"), ErrorCode.CONFLICT);
        f.assertRefused(() -> service.kick(AS_ALICE, project.id(), "Alice"), ErrorCode.CONFLICT);
    }

    @Test
    void aBlankOrMalformedUsernameIsABadRequest() {
        f.assertRefused(() -> service.kick(AS_ALICE, project.id(), "  "), ErrorCode.BAD_REQUEST);
        f.assertRefused(() -> service.kick(AS_ALICE, project.id(), null), ErrorCode.BAD_REQUEST);
        f.assertRefused(() -> service.transferOwnership(AS_ALICE, project.id(), "bob\nOK"), ErrorCode.BAD_REQUEST);
    }

    @Test
    void aMemberLeaves() {
        ProjectService.Changed left = f.changed(service.leave(AS_BOB, project.id()));

        assertThat(left.events()).containsExactly(new RoomEvent.MemberRemoved(project.id(), BOB, Reason.LEFT, BOB, T0));
        assertThat(left.projectAfter().members()).extracting(Member::username).containsExactly("alice", "Carol");
        f.assertRefused(() -> service.leave(AS_BOB, project.id()), ErrorCode.NOT_MEMBER);
    }

    @Test
    void theOwnerCannotLeave() {
        f.assertRefused(() -> service.leave(AS_ALICE, project.id()), ErrorCode.CONFLICT);
    }

    @Test
    void afterHandingOverOwnershipTheOldOwnerIsAMemberAndMayLeave() {
        ProjectService.Changed handed = f.changed(service.transferOwnership(AS_ALICE, project.id(), "bob"));

        assertThat(handed.events()).containsExactly(new RoomEvent.OwnerChanged(project.id(), ALICE, BOB, ALICE, T0));
        Project after = handed.projectAfter();
        assertThat(after.ownerId()).isEqualTo(BOB.id());
        assertThat(after.ownerUsername()).isEqualTo("bob");
        assertThat(after.roleOf(ALICE.id())).contains(MemberRole.MEMBER);
        assertThat(after.members().getFirst().username()).isEqualTo("bob");
        assertThat(service.listMine(AS_BOB).getFirst().ownerUsername()).isEqualTo("bob");

        f.assertRefused(() -> service.kick(AS_ALICE, project.id(), "carol"), ErrorCode.NOT_OWNER);
        f.changed(service.leave(AS_ALICE, project.id()));
        assertThat(service.details(AS_BOB, project.id()).members()).extracting(Member::username)
            .containsExactly("bob", "Carol");
    }

    @Test
    void ownershipGoesOnlyToAMember() {
        f.assertRefused(() -> service.transferOwnership(AS_ALICE, project.id(), "dave"), ErrorCode.NOT_MEMBER);
        f.assertRefused(() -> service.transferOwnership(AS_BOB, project.id(), "carol"), ErrorCode.NOT_OWNER);
    }

    @Test
    void handingOwnershipToTheCurrentOwnerIsANoOp() {
        ProjectService.Changed same = f.changed(service.transferOwnership(AS_ALICE, project.id(), "ALICE"));

        assertThat(same.events()).isEmpty();
        assertThat(same.projectAfter()).isEqualTo(project);
    }

    @Test
    void anAdminMayHandOverSomeoneElsesProject() {
        ProjectService.Changed handed = f.changed(service.transferOwnership(AS_ROOT, project.id(), "carol"));

        assertThat(handed.events()).containsExactly(new RoomEvent.OwnerChanged(project.id(), ALICE, CAROL, ROOT, T0));
    }

    @Test
    void renamingStoresTheTrimmedNameAndPublishesIt() {
        ProjectService.Changed renamed = f.changed(service.rename(AS_ALICE, project.id(), "  Launch v2 "));

        assertThat(renamed.events())
            .containsExactly(new RoomEvent.ProjectRenamed(project.id(), "Launch v2", ALICE, T0));
        assertThat(service.details(AS_BOB, project.id()).name()).isEqualTo("Launch v2");
        assertThat(f.changed(service.rename(AS_ALICE, project.id(), "Launch v2")).events()).isEmpty();
    }

    @Test
    void renamingNeedsAValidNameAndTheOwner() {
        f.assertRefused(() -> service.rename(AS_ALICE, project.id(), "a\nb"), ErrorCode.BAD_REQUEST);
        f.assertRefused(() -> service.rename(AS_BOB, project.id(), "Mine now"), ErrorCode.NOT_OWNER);
        assertThat(service.details(AS_ALICE, project.id()).name()).isEqualTo("Launch");
    }

    @Test
    void deletingRemovesTheProjectForEveryoneAndNamesTheFormerMembers() {
        ProjectService.Changed deleted = f.changed(service.delete(AS_ALICE, project.id()));

        assertThat(deleted.projectAfter()).isNull();
        assertThat(deleted.events()).containsExactly(
            new RoomEvent.ProjectDeleted(project.id(), List.of(ALICE, BOB, CAROL), ALICE, T0));
        assertThat(f.cache.exists(project.id())).isFalse();
        assertThat(service.listMine(AS_BOB)).isEmpty();
        f.assertRefused(() -> service.details(AS_ALICE, project.id()), ErrorCode.NOT_FOUND);
        f.assertRefused(() -> service.delete(AS_ALICE, project.id()), ErrorCode.NOT_FOUND);
    }

    @Test
    void onlyTheOwnerOrAnAdminDeletes() {
        f.assertRefused(() -> service.delete(AS_BOB, project.id()), ErrorCode.NOT_OWNER);
        f.assertRefused(() -> service.delete(AS_CAROL, project.id()), ErrorCode.NOT_OWNER);
        f.assertRefused(() -> service.delete(AS_DAVE, project.id()), ErrorCode.NOT_MEMBER);
        assertThat(f.changed(service.delete(AS_ROOT, project.id())).events()).hasSize(1);
    }
}
