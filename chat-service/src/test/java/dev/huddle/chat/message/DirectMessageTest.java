package dev.huddle.chat.message;

import static dev.huddle.chat.message.ChatFixture.ALICE;
import static dev.huddle.chat.message.ChatFixture.BOB;
import static dev.huddle.chat.message.ChatFixture.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.chat.DmThreadList;
import dev.huddle.server.db.DatabaseException;
import dev.huddle.server.token.Principal;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectMessageTest {

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
    void bothDirectionsAppearInOneConversationInOrder() {
        DirectMessage hi = service.sendDirect(ALICE, BOB.userId(), "bob", "hi Bob 👋");
        f.clock.advance(Duration.ofSeconds(3));
        DirectMessage reply = service.sendDirect(BOB, ALICE.userId(), "alice", "hi Alice");
        f.clock.advance(Duration.ofSeconds(3));
        DirectMessage again = service.sendDirect(ALICE, BOB.userId(), "bob", "lunch?");

        assertThat(hi).isEqualTo(new DirectMessage(hi.id(), 1, "alice", 2, "bob", "hi Bob 👋",
            Instant.parse("2024-10-30T09:00:00Z")));
        assertThat(reply.createdAt()).isEqualTo(Instant.parse("2024-10-30T09:00:03Z"));
        Page<DirectMessage> history = service.directHistory(ALICE, BOB.userId(), null, null);
        assertThat(history.items()).containsExactly(hi, reply, again);
        assertThat(history.hasMore()).isFalse();
    }

    @Test
    void historyIsTheSameFromEitherSide() {
        sendBackAndForth(ALICE, BOB, 30);

        for (Integer limit : new Integer[] {null, 1, 7, 500}) {
            assertThat(service.directHistory(BOB, ALICE.userId(), limit, null))
                .isEqualTo(service.directHistory(ALICE, BOB.userId(), limit, null));
        }
    }

    @Test
    void aThirdPartysConversationsAreSeparate() {
        List<DirectMessage> aliceBob = sendBackAndForth(ALICE, BOB, 4);
        List<DirectMessage> aliceCarol = sendBackAndForth(ALICE, CAROL, 3);
        List<DirectMessage> bobCarol = sendBackAndForth(CAROL, BOB, 2);

        assertThat(service.directHistory(ALICE, BOB.userId(), null, null).items()).isEqualTo(aliceBob);
        assertThat(service.directHistory(CAROL, ALICE.userId(), null, null).items()).isEqualTo(aliceCarol);
        assertThat(service.directHistory(BOB, CAROL.userId(), null, null).items()).isEqualTo(bobCarol);
        assertThat(service.directHistory(ALICE, 99, null, null)).isEqualTo(Page.empty());
        assertThat(f.repository.countDirectMessages(BOB.userId(), ALICE.userId())).isEqualTo(4);
    }

    @Test
    void aNoteToSelfIsItsOwnConversation() {
        service.sendDirect(ALICE, BOB.userId(), "bob", "to bob");
        DirectMessage note = service.sendDirect(ALICE, ALICE.userId(), "alice", "remember the milk");

        assertThat(note.involves(ALICE.userId())).isTrue();
        assertThat(note.involves(BOB.userId())).isFalse();
        assertThat(service.directHistory(ALICE, ALICE.userId(), null, null).items()).containsExactly(note);
    }

    @Test
    void conversationHistoryPagesLikeRoomHistory() {
        List<DirectMessage> sent = sendBackAndForth(ALICE, BOB, 120);

        Page<DirectMessage> newest = service.directHistory(BOB, ALICE.userId(), null, null);
        assertThat(newest.items()).containsExactlyElementsOf(sent.subList(70, 120));
        assertThat(newest.hasMore()).isTrue();
        Page<DirectMessage> older = service.directHistory(ALICE, BOB.userId(), 100, newest.items().getFirst().id());
        assertThat(older.items()).containsExactlyElementsOf(sent.subList(0, 70));
        assertThat(older.hasMore()).isFalse();
        assertThat(service.directHistory(ALICE, BOB.userId(), null, sent.getFirst().id())).isEqualTo(Page.empty());
    }

    @Test
    void whatWasSentToAnOfflineUserCanBeCaughtUpFromEveryone() {
        DirectMessage seen = service.sendDirect(ALICE, BOB.userId(), "bob", "seen before going offline");
        DirectMessage fromAlice = service.sendDirect(ALICE, BOB.userId(), "bob", "are you there?");
        service.sendDirect(BOB, ALICE.userId(), "alice", "bob's own message is not 'received'");
        DirectMessage fromCarol = service.sendDirect(CAROL, BOB.userId(), "bob", "ping");

        assertThat(f.repository.receivedAfter(BOB.userId(), seen.id(), 100)).containsExactly(fromAlice, fromCarol);
        assertThat(f.repository.receivedAfter(BOB.userId(), 0, 1)).containsExactly(seen);
    }

    @Test
    void theRecipientUsernameIsStoredAsResolvedWithoutSurroundingSpace() {
        DirectMessage sent = service.sendDirect(ALICE, CAROL.userId(), " Carol ", "hello");

        assertThat(sent.recipientUsername()).isEqualTo("Carol");
        assertThat(service.directHistory(CAROL, ALICE.userId(), null, null).items()).containsExactly(sent);
    }

    @Test
    void badDirectMessagesAndPagingArgumentsAreRefused() {
        f.assertRefused(() -> service.sendDirect(ALICE, BOB.userId(), "bob", "\t"), ErrorCode.BAD_REQUEST);
        f.assertRefused(() -> service.sendDirect(ALICE, BOB.userId(), "bob", "💬".repeat(4_001)),
            ErrorCode.PAYLOAD_TOO_LARGE);
        f.assertRefused(() -> service.sendDirect(ALICE, 0, "nobody", "hello"), ErrorCode.BAD_REQUEST);
        f.assertRefused(() -> service.sendDirect(ALICE, BOB.userId(), " ", "hello"), ErrorCode.BAD_REQUEST);
        f.assertRefused(() -> service.directHistory(ALICE, BOB.userId(), 0, null), ErrorCode.BAD_REQUEST);
        f.assertRefused(() -> service.directHistory(ALICE, BOB.userId(), 501, null), ErrorCode.BAD_REQUEST);
        f.assertRefused(() -> service.directHistory(ALICE, BOB.userId(), null, 0L), ErrorCode.BAD_REQUEST);
        f.assertRefused(() -> service.directHistory(ALICE, -2, null, null), ErrorCode.BAD_REQUEST);
    }

    @Test
    void theSchemaRefusesAConversationKeyThatDisagreesWithItsParticipants() {
        String insert = """
            INSERT INTO direct_messages (conversation, sender_id, sender_username, recipient_id, recipient_username,
                                         text, created_at)
            VALUES ('%s', 2, 'bob', 1, 'alice', 'hi', '2024-10-30T09:00:00.000Z')""";

        assertThatThrownBy(() -> execute(insert.formatted("2:1")))
            .isInstanceOf(DatabaseException.class).hasMessageContaining("CHECK");
        int inserted = execute(insert.formatted("1:2"));
        assertThat(inserted).isEqualTo(1);
    }

    private int execute(String sql) {
        return f.database.withConnection(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
            }
        });
    }

    // ---------------------------------------------------------------- dm_threads: each conversation once, newest first

    @Test
    void aUserWithNoMessagesHasNoThreads() {
        send(BOB, CAROL, "not about alice");

        assertThat(service.directThreads(ALICE).threads()).isEmpty();
    }

    @Test
    void eachConversationAppearsOnceWithItsNewestMessageWhicheverSideSentIt() {
        send(ALICE, BOB, "hi bob");
        DirectMessage bobsReply = send(BOB, ALICE, "hi alice");
        DirectMessage carolsNote = send(CAROL, ALICE, "lunch?");
        DirectMessage alicesAnswer = send(ALICE, CAROL, "yes");

        assertThat(service.directThreads(ALICE).threads()).containsExactly(
            new DmThreadList.Item(ref(CAROL), alicesAnswer.toWire()),
            new DmThreadList.Item(ref(BOB), bobsReply.toWire()));
    }

    @Test
    void theConversationWithTheNewestMessageComesFirstAndMovesUpWhenWrittenTo() {
        send(ALICE, BOB, "first");
        send(ALICE, CAROL, "second");
        assertThat(peers(ALICE)).containsExactly("Carol", "bob");

        DirectMessage again = send(BOB, ALICE, "bump");

        assertThat(peers(ALICE)).containsExactly("bob", "Carol");
        assertThat(service.directThreads(ALICE).threads().getFirst().last()).isEqualTo(again.toWire());
    }

    @Test
    void onlyTheCallersOwnConversationsAreListedAndEachSideSeesTheOther() {
        send(ALICE, BOB, "a-b");
        send(BOB, CAROL, "b-c");

        assertThat(peers(ALICE)).containsExactly("bob");
        assertThat(peers(CAROL)).containsExactly("bob");
        assertThat(peers(BOB)).containsExactly("Carol", "alice");
    }

    @Test
    void aNoteToSelfIsAThreadWithOneself() {
        send(ALICE, ALICE, "remember the milk");

        assertThat(service.directThreads(ALICE).threads()).singleElement()
            .satisfies(t -> assertThat(t.with()).isEqualTo(ref(ALICE)));
    }

    @Test
    void theListIsBoundedKeepingTheNewestConversations() {
        send(ALICE, BOB, "oldest");
        send(CAROL, ALICE, "middle");
        send(ALICE, ALICE, "newest");

        assertThat(f.repository.newestPerConversation(ALICE.userId(), 2))
            .extracting(DirectMessage::text).containsExactly("newest", "middle");
    }

    private DirectMessage send(Principal from, Principal to, String text) {
        f.clock.advance(Duration.ofSeconds(1));
        return service.sendDirect(from, to.userId(), to.username(), text);
    }

    private List<String> peers(Principal me) {
        return service.directThreads(me).threads().stream().map(t -> t.with().username()).toList();
    }

    private static UserRef ref(Principal user) {
        return new UserRef(user.userId(), user.username());
    }

    private List<DirectMessage> sendBackAndForth(Principal a, Principal b, int count) {
        List<DirectMessage> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            f.clock.advance(Duration.ofMillis(250));
            boolean fromA = i % 2 == 0;
            Principal from = fromA ? a : b;
            Principal to = fromA ? b : a;
            sent.add(service.sendDirect(from, to.userId(), to.username(), "dm " + i));
        }
        return sent;
    }
}
