package dev.huddle.chat.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.Golden;
import dev.huddle.contracts.chat.DmThreadList;
import dev.huddle.contracts.chat.RoomMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What chat-service writes for its stored messages equals the contract's golden fixtures, byte for byte. */
class MessageJsonTest {

    @Test
    void aStoredRoomMessageIsSentAsTheGoldenChatEvent() {
        RoomMessage golden = Golden.CHAT;
        ChatMessage stored = new ChatMessage(golden.id(), golden.projectId(), golden.userId(), golden.username(),
            golden.text(), golden.createdAt());

        assertThat(stored.toJson()).isEqualTo(Golden.event("chat"));
    }

    @Test
    void aStoredDirectMessageIsSentAsTheGoldenDmEventWithBothEndsAsUsers() {
        DirectMessage stored = new DirectMessage(9, 1, "alice", 2, "bob", "psst", Instant.parse("2024-10-30T09:16:00Z"));

        assertThat(stored.toJson()).isEqualTo(Golden.event("dm"));
    }

    @Test
    void theNewestMessagesOfAlicesConversationsAreSentAsTheGoldenThreadList() {
        DirectMessage fromCarol = new DirectMessage(11, 3, "carol", 1, "alice", "lunch?",
            Instant.parse("2024-10-30T09:20:00Z"));
        DirectMessage toBob = new DirectMessage(9, 1, "alice", 2, "bob", "psst", Instant.parse("2024-10-30T09:16:00Z"));

        assertThat(new DmThreadList(List.of(fromCarol.threadSeenBy(1), toBob.threadSeenBy(1))).toJson())
            .isEqualTo(Golden.json("dm_threads"));
    }

    @Test
    void aMessageSharingAFileIsSentAsTheGoldenFileMessage() {
        RoomMessage golden = Golden.CHAT_FILE;
        ChatMessage stored = new ChatMessage(golden.id(), golden.projectId(), golden.userId(), golden.username(),
            golden.text(), golden.createdAt(), golden.file());
        DirectMessage direct = new DirectMessage(10, 1, "alice", 2, "bob", Golden.DM_FILE.text(),
            Golden.DM_FILE.createdAt(), Golden.REPORT);

        assertThat(stored.toJson()).isEqualTo(Golden.json("chat-file"));
        assertThat(direct.toJson()).isEqualTo(Golden.json("dm-file"));
    }

    @Test
    void theJsonSurvivesAOneLineEncodingWithNewlinesEscaped() {
        ChatMessage message = new ChatMessage(1, 7, 1, "alice", "two\nlines",
            Instant.parse("2024-10-30T09:15:02.100Z"));

        String encoded = message.toJson().encode();

        assertThat(encoded).doesNotContain("\n").contains("two\\nlines").contains("\"2024-10-30T09:15:02.100Z\"");
    }
}
