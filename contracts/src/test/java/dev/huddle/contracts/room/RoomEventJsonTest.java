package dev.huddle.contracts.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.UserRef;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RoomEventJsonTest {

    static final Instant AT = Instant.parse("2024-10-30T09:15:02.114Z");
    static final UserRef ALICE = new UserRef(1, "alice");
    static final UserRef BOB = new UserRef(2, "bob");

    static Stream<RoomEvent> everyKind() {
        return Stream.of(
            new RoomEvent.ProjectCreated(7, "Launch ☕", ALICE, List.of(ALICE, BOB), AT),
            new RoomEvent.MemberAdded(7, BOB, "member", ALICE, AT),
            new RoomEvent.MemberRemoved(7, BOB, RoomEvent.Reason.KICKED, ALICE, AT),
            new RoomEvent.MemberRemoved(7, BOB, RoomEvent.Reason.LEFT, BOB, AT),
            new RoomEvent.OwnerChanged(7, ALICE, BOB, ALICE, AT),
            new RoomEvent.ProjectRenamed(7, "Renamed", ALICE, AT),
            new RoomEvent.ProjectDeleted(7, List.of(ALICE, BOB), ALICE, AT));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void everyEventSurvivesTheRoundTrip(RoomEvent event) {
        JsonObject json = RoomEventJson.toJson(event);
        assertThat(RoomEventJson.fromJson(new JsonObject(json.encode()))).isEqualTo(event);
    }

    @Test
    void memberAddedHasTheDocumentedShape() {
        JsonObject json = RoomEventJson.toJson(new RoomEvent.MemberAdded(7, BOB, "member", ALICE, AT));
        assertThat(json).isEqualTo(new JsonObject("""
            {"type":"member_added","projectId":7,"at":"2024-10-30T09:15:02.114Z",
             "user":{"id":2,"username":"bob"},"role":"member","by":{"id":1,"username":"alice"}}"""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"type\":\"member_added\"}",
        "{\"type\":\"nonsense\",\"projectId\":1,\"at\":\"2024-10-30T09:15:02Z\"}",
        "{\"type\":\"member_added\",\"projectId\":\"x\",\"at\":\"2024-10-30T09:15:02Z\"}",
        "{\"type\":\"member_added\",\"projectId\":1,\"at\":\"yesterday\"}",
        "{\"type\":\"member_added\",\"projectId\":1,\"at\":\"2024-10-30T09:15:02Z\",\"user\":{\"id\":2}}",
        "{\"type\":\"member_removed\",\"projectId\":1,\"at\":\"2024-10-30T09:15:02Z\",\"user\":{\"id\":2,\"username\":\"b\"},\"reason\":\"vanished\",\"by\":{\"id\":1,\"username\":\"a\"}}",
        "{\"type\":\"project_deleted\",\"projectId\":1,\"at\":\"2024-10-30T09:15:02Z\",\"members\":[1,2],\"by\":{\"id\":1,\"username\":\"a\"}}"
    })
    void malformedOrTruncatedEventsAreRefusedNotCrashing(String text) {
        assertThatThrownBy(() -> RoomEventJson.fromJson(new JsonObject(text)))
            .isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }
}
