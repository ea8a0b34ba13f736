package dev.huddle.chat.message;

import static dev.huddle.chat.message.ChatFixture.ALICE;
import static dev.huddle.chat.message.ChatFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.ErrorCode;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoomChatTest {

    static final long PROJECT = 7;
    static final long OTHER_PROJECT = 8;

    @TempDir
    Path dir;
    ChatFixture f;
    ChatService service;

    @BeforeEach
    void open() {
        f = new ChatFixture(dir);
        service = f.service;
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void historyReturnsExactlyWhatWasAcknowledgedOldestFirst() {
        f.clock.set(Instant.parse("2024-10-30T09:15:02.114999999Z"));
        ChatMessage first = service.postToRoom(ALICE, PROJECT, "Xin chào 👋");
        f.clock.advance(Duration.ofMillis(886));
        ChatMessage second = service.postToRoom(BOB, PROJECT, "multi\nline\twith tab");
        f.clock.advance(Duration.ofMinutes(1));
        ChatMessage third = service.postToRoom(ALICE, PROJECT, "  bye  ");

        assertThat(first).isEqualTo(new ChatMessage(first.id(), PROJECT, 1, "alice", "Xin chào 👋",
            Instant.parse("2024-10-30T09:15:02.114Z")));
        assertThat(second.createdAt()).isEqualTo(Instant.parse("2024-10-30T09:15:03.000Z"));
        assertThat(third.text()).isEqualTo("  bye");
        assertThat(List.of(first.id(), second.id(), third.id())).isSorted().doesNotHaveDuplicates();

        Page<ChatMessage> history = service.roomHistory(PROJECT, null, null);
        assertThat(history.items()).containsExactly(first, second, third);
        assertThat(history.hasMore()).isFalse();
    }

    @Test
    void aRoomWithoutMessagesHasAnEmptyHistory() {
        assertThat(service.roomHistory(PROJECT, null, null)).isEqualTo(Page.empty());
    }

    @Test
    void storedTimestampsAlwaysHaveThreeFractionDigitsSoTextOrderIsTimeOrder() {
        service.postToRoom(ALICE, PROJECT, "on the second");
        f.clock.advance(Duration.ofMillis(5));
        service.postToRoom(ALICE, PROJECT, "five ms later");

        List<String> stored = f.database.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT created_at FROM chats")) {
                List<String> texts = new ArrayList<>();
                while (rs.next()) {
                    texts.add(rs.getString(1));
                }
                return texts;
            }
        });
        assertThat(stored).containsExactly("2024-10-30T09:00:00.000Z", "2024-10-30T09:00:00.005Z");
    }

    @Test
    void theDefaultPageIsTheNewestFiftyAndBeforeIdWalksBackToTheFirst() {
        List<ChatMessage> posted = postNumbered(120);

        Page<ChatMessage> newest = service.roomHistory(PROJECT, null, null);
        assertThat(newest.items()).containsExactlyElementsOf(posted.subList(70, 120));
        assertThat(newest.hasMore()).isTrue();

        Page<ChatMessage> middle = service.roomHistory(PROJECT, null, newest.items().getFirst().id());
        assertThat(middle.items()).containsExactlyElementsOf(posted.subList(20, 70));
        assertThat(middle.hasMore()).isTrue();

        Page<ChatMessage> oldest = service.roomHistory(PROJECT, null, middle.items().getFirst().id());
        assertThat(oldest.items()).containsExactlyElementsOf(posted.subList(0, 20));
        assertThat(oldest.hasMore()).isFalse();

        assertThat(f.wholeRoomHistory(PROJECT, 7)).containsExactlyElementsOf(posted);
    }

    @Test
    void aPageThatEndsExactlyAtTheFirstMessageSaysNothingIsOlder() {
        List<ChatMessage> posted = postNumbered(100);

        Page<ChatMessage> older = service.roomHistory(PROJECT, 50, posted.get(50).id());

        assertThat(older.items()).containsExactlyElementsOf(posted.subList(0, 50));
        assertThat(older.hasMore()).isFalse();
    }

    @Test
    void theLimitBoundsThePageSize() {
        List<ChatMessage> posted = postNumbered(120);

        assertThat(service.roomHistory(PROJECT, 1, null).items()).containsExactly(posted.getLast());
        Page<ChatMessage> all = service.roomHistory(PROJECT, 500, null);
        assertThat(all.items()).containsExactlyElementsOf(posted);
        assertThat(all.hasMore()).isFalse();
        assertThat(service.roomHistory(PROJECT, 120, null).hasMore()).isFalse();
        assertThat(service.roomHistory(PROJECT, 119, null).hasMore()).isTrue();
    }

    @Test
    void beforeIdAtOrBelowTheFirstMessageGivesAnEmptyPageAndAboveTheNewestGivesTheNewestPage() {
        List<ChatMessage> posted = postNumbered(120);

        assertThat(service.roomHistory(PROJECT, null, posted.getFirst().id())).isEqualTo(Page.empty());
        assertThat(service.roomHistory(PROJECT, null, 1L)).isEqualTo(Page.empty());
        assertThat(service.roomHistory(PROJECT, null, posted.getLast().id() + 1_000))
            .isEqualTo(service.roomHistory(PROJECT, null, null));
    }

    @Test
    void historyIsPerProject() {
        ChatMessage here = service.postToRoom(ALICE, PROJECT, "in seven");
        ChatMessage there = service.postToRoom(BOB, OTHER_PROJECT, "in eight");
        ChatMessage hereAgain = service.postToRoom(BOB, PROJECT, "seven again");

        assertThat(service.roomHistory(PROJECT, null, null).items()).containsExactly(here, hereAgain);
        assertThat(service.roomHistory(OTHER_PROJECT, null, null).items()).containsExactly(there);
        assertThat(service.roomHistory(9, null, null)).isEqualTo(Page.empty());
        // a cursor taken from another room's message only bounds ids; it never reveals that room
        assertThat(service.roomHistory(OTHER_PROJECT, null, hereAgain.id()).items()).containsExactly(there);
        assertThat(f.repository.countRoomMessages(PROJECT)).isEqualTo(2);
    }

    @Test
    void refusedTextIsNotStored() {
        f.assertRefused(() -> service.postToRoom(ALICE, PROJECT, " \n "), ErrorCode.BAD_REQUEST);
        f.assertRefused(() -> service.postToRoom(ALICE, PROJECT, "x".repeat(4_001)), ErrorCode.PAYLOAD_TOO_LARGE);
        f.assertRefused(() -> service.postToRoom(ALICE, PROJECT, "ding\u0007"), ErrorCode.BAD_REQUEST);
        f.assertRefused(() -> service.postToRoom(ALICE, 0, "hello"), ErrorCode.BAD_REQUEST);

        assertThat(service.postToRoom(ALICE, PROJECT, "x".repeat(4_000)).text()).hasSize(4_000);
    }

    @Test
    void badPagingArgumentsAreRefused() {
        postNumbered(3);

        f.assertRefused(() -> service.roomHistory(PROJECT, 0, null), ErrorCode.BAD_REQUEST);
        f.assertRefused(() -> service.roomHistory(PROJECT, 501, null), ErrorCode.BAD_REQUEST);
        f.assertRefused(() -> service.roomHistory(PROJECT, -5, null), ErrorCode.BAD_REQUEST);
        f.assertRefused(() -> service.roomHistory(PROJECT, null, 0L), ErrorCode.BAD_REQUEST);
        f.assertRefused(() -> service.roomHistory(PROJECT, null, -1L), ErrorCode.BAD_REQUEST);
        f.assertRefused(() -> service.roomHistory(-1, null, null), ErrorCode.BAD_REQUEST);
    }

    private List<ChatMessage> postNumbered(int count) {
        List<ChatMessage> posted = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            f.clock.advance(Duration.ofMillis(10));
            posted.add(service.postToRoom(i % 2 == 0 ? ALICE : BOB, PROJECT, "message " + i));
        }
        return posted;
    }
}
