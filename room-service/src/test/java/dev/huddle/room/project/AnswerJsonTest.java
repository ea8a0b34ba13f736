package dev.huddle.room.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.Golden;
import dev.huddle.contracts.room.Projects;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What room-service writes for its projects equals the contract's golden fixtures, byte for byte. */
class AnswerJsonTest {

    private static final Project LAUNCH = new Project(7, "Launch ☕", 1, Golden.PROJECT_DETAIL.createdAt(),
        Golden.PROJECT_DETAIL.members().stream().map(m -> new Member(m.id(), m.username(),
            m.isOwner() ? MemberRole.OWNER : MemberRole.MEMBER, m.addedAt())).toList());

    @Test
    void aProjectsDetailsAreTheGoldenDetail() {
        assertThat(LAUNCH.toJson()).isEqualTo(Golden.json("project-detail"));
    }

    @Test
    void aListingLineIsTheGoldenSummary() {
        ProjectSummary line = new ProjectSummary(7, "Launch ☕", 1, "alice", 3, MemberRole.OWNER,
            Golden.PROJECT_SUMMARY.createdAt());

        assertThat(line.toJson()).isEqualTo(Golden.json("project-summary"));
    }

    @Test
    void anAddsOutcomesAreTheGoldenResults() {
        List<AddResult> report = List.of(new AddResult("carol", AddResult.Outcome.ADDED),
            new AddResult("bob", AddResult.Outcome.ALREADY_MEMBER), new AddResult("zed", AddResult.Outcome.UNKNOWN_USER));

        assertThat(new Projects.Changed(LAUNCH.toWire(), report.stream().map(AddResult::toWire).toList()).toJson())
            .isEqualTo(Golden.json("project-changed"));
    }
}
