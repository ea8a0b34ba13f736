package dev.huddle.contracts.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.Golden;
import dev.huddle.contracts.HuddleException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** room-service's answers against their golden fixtures: each decodes to its value and encodes back exactly. */
class ProjectsGoldenTest {

    @Test
    void aListingLineRoundTrips() {
        assertThat(Projects.Summary.fromJson(Golden.json("project-summary"))).isEqualTo(Golden.PROJECT_SUMMARY);
        assertThat(Golden.PROJECT_SUMMARY.toJson()).isEqualTo(Golden.json("project-summary"));
    }

    @Test
    void anAdminSeesNoRoleInAProjectTheyAreNotIn() {
        JsonObject notMine = Golden.json("project-summary").put("myRole", (Object) null);

        assertThat(Projects.Summary.fromJson(notMine).myRole()).isNull();
        assertThat(Projects.Summary.fromJson(notMine).toJson()).isEqualTo(notMine);
    }

    @Test
    void detailsListTheOwnerFirstAndRoundTrip() {
        Projects.Detail read = Projects.Detail.fromJson(Golden.json("project-detail"));

        assertThat(read).isEqualTo(Golden.PROJECT_DETAIL);
        assertThat(read.members().get(0).isOwner()).isTrue();
        assertThat(Golden.PROJECT_DETAIL.toJson()).isEqualTo(Golden.json("project-detail"));
    }

    @Test
    void anAddAnswersOneOutcomePerNameAndRoundTrips() {
        Projects.Changed read = Projects.Changed.fromJson(Golden.json("project-changed"));

        assertThat(read).isEqualTo(Golden.PROJECT_CHANGED);
        assertThat(read.results()).extracting(Projects.Outcome::describe)
            .containsExactly("carol: added", "bob: already a member", "zed: no such user");
        assertThat(Golden.PROJECT_CHANGED.toJson()).isEqualTo(Golden.json("project-changed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"id\":7,\"name\":\"x\",\"owner\":\"alice\",\"memberCount\":1,\"myRole\":\"owner\",\"createdAt\":\"2024-10-30T09:15:00Z\"}",
        "{\"id\":7,\"name\":\"x\",\"owner\":{\"id\":1,\"username\":\"alice\"},\"memberCount\":\"3\",\"createdAt\":\"2024-10-30T09:15:00Z\"}",
        "{\"id\":7,\"name\":\"x\",\"owner\":{\"id\":1,\"username\":\"alice\"},\"memberCount\":3}"
    })
    void aMalformedOrTruncatedListingLineIsABadRequest(String text) {
        assertThatThrownBy(() -> Projects.Summary.fromJson(new JsonObject(text)))
            .isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }

    @Test
    void aTruncatedMemberListOrOutcomeIsABadRequest() {
        JsonObject detail = Golden.json("project-detail");
        detail.getJsonArray("members").getJsonObject(1).remove("role");

        assertThatThrownBy(() -> Projects.Detail.fromJson(detail)).isInstanceOf(HuddleException.class);
        assertThatThrownBy(() -> Projects.Changed.fromJson(new JsonObject().put("results", "x")))
            .isInstanceOf(HuddleException.class);
        assertThatThrownBy(() -> Projects.Outcome.fromJson(new JsonObject().put("username", "bob")))
            .isInstanceOf(HuddleException.class);
    }
}
