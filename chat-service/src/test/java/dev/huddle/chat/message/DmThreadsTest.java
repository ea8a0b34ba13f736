package dev.huddle.chat.message;

import static dev.huddle.chat.message.ChatFixture.ALICE;
import static dev.huddle.chat.message.ChatFixture.BOB;
import static dev.huddle.chat.message.ChatFixture.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.chat.DmThreadList;
import dev.huddle.server.token.Principal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dm_threads}: a user's conversations, each with its newest message, newest first. */
class DmThreadsTest {

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
}
