package dev.huddle.contracts.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.Golden;
import dev.huddle.contracts.HuddleException;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The codecs against the golden fixtures: each fixture decodes to its value and that value encodes back to it. */
class PayloadGoldenTest {

    static Stream<Map.Entry<String, ServerEvent>> events() {
        return Golden.events().entrySet().stream();
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventFixtureDecodesToItsValueAndEncodesBackExactly(Map.Entry<String, ServerEvent> entry) {
        JsonObject golden = Golden.event(entry.getKey());

        assertThat(ServerEvent.decode(entry.getKey(), golden)).isEqualTo(entry.getValue());
        assertThat(entry.getValue().data()).isEqualTo(golden);
        assertThat(entry.getValue().type()).isEqualTo(entry.getKey());
    }

    @Test
    void aDirectMessageNamesBothEndsAsUsersNotBareNames() {
        JsonObject golden = Golden.event("dm");

        assertThat(golden.getValue("from")).isEqualTo(new JsonObject().put("id", 1).put("username", "alice"));
        assertThat(DirectMessage.fromJson(golden).line()).isEqualTo("alice: psst - 2024-10-30T09:16:00Z");
        assertThat(Golden.DM.peer("BOB")).isEqualTo(Golden.ALICE);
    }

    @Test
    void aMessageSharingAFileCarriesItsFileAndOthersCarryNone() {
        assertThat(RoomMessage.fromJson(Golden.json("chat-file"))).isEqualTo(Golden.CHAT_FILE);
        assertThat(Golden.CHAT_FILE.toJson()).isEqualTo(Golden.json("chat-file"));
        assertThat(DirectMessage.fromJson(Golden.json("dm-file"))).isEqualTo(Golden.DM_FILE);
        assertThat(Golden.DM_FILE.toJson()).isEqualTo(Golden.json("dm-file"));
        assertThat(RoomMessage.fromJson(Golden.event("chat")).file()).isNull();
        assertThat(Golden.event("chat").containsKey("file")).isFalse();
        assertThat(Golden.REPORT.isImage()).isFalse();
        assertThat(Golden.REPORT.describe()).isEqualTo("báo cáo.pdf (2.3 MB)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"file\":\"report.pdf\"}",
        "{\"file\":{\"id\":12,\"name\":\"r.pdf\",\"size\":1,\"contentType\":\"application/pdf\"}}",
        "{\"file\":{\"id\":12,\"name\":\"r.pdf\",\"size\":\"big\",\"contentType\":\"x/y\",\"sha256\":\"00\"}}"
    })
    void aMessageWithAMalformedFileIsRefused(String file) {
        JsonObject message = Golden.event("chat").mergeIn(new JsonObject(file));

        assertThatThrownBy(() -> ServerEvent.decode("chat", message))
            .isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }

    @Test
    void whoIsHereListsUsersAndRefusesATruncatedList() {
        assertThat(WhoIsHere.fromJson(Golden.event("here")).users()).containsExactly(Golden.BOB, Golden.CAROL);
        assertThatThrownBy(() -> ServerEvent.decode("here", new JsonObject().put("projectId", 7)))
            .isInstanceOf(HuddleException.class);
        assertThatThrownBy(() -> ServerEvent.decode("here", new JsonObject("{\"projectId\":7,\"users\":[{\"id\":2}]}")))
            .isInstanceOf(HuddleException.class);
    }

    @Test
    void historyPagesDecodeOldestFirstWithTheirContinuationFlag() {
        assertThat(MessagePage.roomFromJson(Golden.json("page-history"))).isEqualTo(Golden.HISTORY);
        assertThat(Golden.HISTORY.toJson(RoomMessage::toJson)).isEqualTo(Golden.json("page-history"));
        assertThat(MessagePage.directFromJson(Golden.json("page-dm_history"))).isEqualTo(Golden.DM_HISTORY);
        assertThat(Golden.DM_HISTORY.toJson(DirectMessage::toJson)).isEqualTo(Golden.json("page-dm_history"));
        assertThat(Golden.HISTORY.oldestId(RoomMessage::id)).isEqualTo(41L);
    }

    @Test
    void theDmThreadListDecodesNewestFirstAndEncodesBackExactly() {
        assertThat(DmThreadList.fromJson(Golden.json("dm_threads"))).isEqualTo(Golden.DM_THREADS);
        assertThat(Golden.DM_THREADS.toJson()).isEqualTo(Golden.json("dm_threads"));
        assertThat(DmThreadList.fromJson(new JsonObject("{\"threads\":[]}")).threads()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"threads\":[{\"with\":{\"id\":2,\"username\":\"bob\"}}]}",
        "{\"threads\":[{\"with\":\"bob\",\"last\":{}}]}",
        "{\"threads\":{\"with\":{\"id\":2,\"username\":\"bob\"}}}"
    })
    void aMalformedOrTruncatedDmThreadListIsRefused(String json) {
        assertThatThrownBy(() -> DmThreadList.fromJson(new JsonObject(json)))
            .isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }

    @Test
    void theErrorBodyRoundTrips() {
        assertThat(Golden.ERROR.toJson()).isEqualTo(Golden.json("error"));
        HuddleException read = HuddleException.fromJson(Golden.json("error"));
        assertThat(read.code()).isEqualTo(ErrorCode.NOT_MEMBER);
        assertThat(read.getMessage()).isEqualTo(Golden.ERROR.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"projectId\":7,\"at\":\"2024-10-30T09:21:00Z\"}",
        "{\"projectId\":7,\"from\":\"alice\",\"at\":\"2024-10-30T09:21:00Z\"}",
        "{\"projectId\":7,\"from\":{\"id\":1,\"username\":\"alice\"},\"at\":\"soon\"}"
    })
    void aMalformedOrTruncatedCallInviteIsABadRequestNotACrash(String text) {
        assertThatThrownBy(() -> ServerEvent.decode("call_invite", new JsonObject(text)))
            .isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }

    @Test
    void anEventTypeThisVersionDoesNotKnowIsKeptNotRefused() {
        JsonObject data = new JsonObject().put("fileId", 3);

        assertThat(ServerEvent.decode("file_shared", data)).isEqualTo(new ServerEvent.Unknown("file_shared", data));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"id\":42,\"projectId\":7,\"userId\":1,\"username\":\"alice\",\"text\":\"hi\"}",
        "{\"id\":\"42\",\"projectId\":7,\"userId\":1,\"username\":\"alice\",\"text\":\"hi\",\"createdAt\":\"2024-10-30T09:15:02Z\"}",
        "{\"id\":42,\"projectId\":7,\"userId\":1,\"username\":\"alice\",\"text\":\"hi\",\"createdAt\":\"yesterday\"}",
        "{\"id\":4.5,\"projectId\":7,\"userId\":1,\"username\":\"alice\",\"text\":\"hi\",\"createdAt\":\"2024-10-30T09:15:02Z\"}"
    })
    void aMalformedOrTruncatedChatEventIsABadRequestNotACrash(String text) {
        assertThatThrownBy(() -> ServerEvent.decode("chat", new JsonObject(text)))
            .isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":9,\"from\":\"alice\",\"to\":\"bob\",\"text\":\"psst\",\"createdAt\":\"2024-10-30T09:16:00Z\"}",
        "{\"id\":9,\"from\":{\"id\":1},\"to\":{\"id\":2,\"username\":\"bob\"},\"text\":\"psst\",\"createdAt\":\"2024-10-30T09:16:00Z\"}",
        "{\"id\":9,\"from\":{\"id\":1,\"username\":\"alice\"},\"text\":\"psst\",\"createdAt\":\"2024-10-30T09:16:00Z\"}"
    })
    void aDmWithBareNamesOrMissingEndsIsRefused(String text) {
        assertThatThrownBy(() -> ServerEvent.decode("dm", new JsonObject(text)))
            .isInstanceOfSatisfying(HuddleException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
    }

    @Test
    void truncatedPresenceAndPagesAreRefused() {
        assertThatThrownBy(() -> ServerEvent.decode("joined", new JsonObject().put("projectId", 7)))
            .isInstanceOf(HuddleException.class);
        assertThatThrownBy(() -> MessagePage.roomFromJson(new JsonObject().put("messages", "x").put("hasMore", false)))
            .isInstanceOf(HuddleException.class);
        assertThatThrownBy(() -> MessagePage.roomFromJson(new JsonObject("{\"messages\":[1],\"hasMore\":false}")))
            .isInstanceOf(HuddleException.class);
        assertThatThrownBy(() -> ServerEvent.decode("member_added", new JsonObject().put("projectId", 7)))
            .isInstanceOf(HuddleException.class);
    }
}
