package dev.huddle.client.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.Golden;
import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.chat.MessagePage;
import dev.huddle.contracts.chat.Presence;
import dev.huddle.contracts.chat.RoomMessage;
import dev.huddle.contracts.chat.ServerEvent;
import dev.huddle.contracts.chat.WhoIsHere;
import dev.huddle.contracts.room.Projects;
import dev.huddle.contracts.room.RoomEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomStateTest {

    static final Instant AT = Instant.parse("2024-10-30T09:15:00Z");
    static final UserRef ALICE = Golden.ALICE;
    static final UserRef BOB = Golden.BOB;

    private final RoomState room = new RoomState(7, "Launch", "bob");

    RoomStateTest() {
        room.members(List.of(new Projects.Member(1, "alice", "owner", Instant.EPOCH),
            new Projects.Member(2, "bob", "member", Instant.EPOCH)));
    }

    static RoomMessage message(long id, String who) {
        return new RoomMessage(id, 7, who.equals("alice") ? 1 : 2, who, "m" + id, AT.plusSeconds(id));
    }

    @Test
    void eachMessageIsShownOnceInIdOrderWhateverOrderItArrivesIn() {
        assertThat(room.apply(new ServerEvent.Chat(message(5, "alice")))).hasSize(1);
        room.log().addPage(new MessagePage<>(List.of(message(3, "bob"), message(4, "alice"), message(5, "alice")), false));

        assertThat(room.apply(new ServerEvent.Chat(message(5, "alice")))).isEmpty();
        assertThat(room.log().messages()).extracting(RoomMessage::id).containsExactly(3L, 4L, 5L);
        assertThat(room.log().olderExist()).isFalse();
    }

    @Test
    void whoIsHereOnJoinShowsThemOnlineWithoutALogLine() {
        assertThat(room.members()).filteredOn(m -> m.username().equals("alice")).extracting(RoomState.MemberView::online)
            .containsExactly(false);

        List<RoomState.Change> changes = room.apply(new ServerEvent.Here(new WhoIsHere(7, List.of(ALICE))));

        assertThat(changes).containsExactly(new RoomState.Change.Members());
        assertThat(room.members()).allMatch(RoomState.MemberView::online);
        assertThat(room.apply(new ServerEvent.Here(new WhoIsHere(7, List.of(ALICE))))).isEmpty();
        assertThat(room.apply(new ServerEvent.Here(new WhoIsHere(8, List.of(BOB))))).isEmpty();
    }

    @Test
    void anotherRoomsEventsChangeNothing() {
        RoomMessage elsewhere = new RoomMessage(1, 8, 1, "alice", "hi", AT);

        assertThat(room.apply(new ServerEvent.Chat(elsewhere))).isEmpty();
        assertThat(room.apply(new ServerEvent.Joined(new Presence(8, 1, "alice")))).isEmpty();
        assertThat(room.log().size()).isZero();
    }

    @Test
    void presenceMarksMembersOnlineWithANoticeOncePerArrival() {
        assertThat(room.members()).extracting(RoomState.MemberView::online).containsExactly(false, true);

        List<RoomState.Change> changes = room.apply(new ServerEvent.Joined(new Presence(7, 1, "alice")));
        assertThat(changes).first().isEqualTo(new RoomState.Change.Notice("alice joined", changes.getFirst() instanceof
            RoomState.Change.Notice n ? n.at() : null));
        assertThat(room.apply(new ServerEvent.Joined(new Presence(7, 1, "alice")))).isEmpty();
        assertThat(room.members()).first().isEqualTo(new RoomState.MemberView("alice", true, true, false));

        assertThat(room.apply(new ServerEvent.Left(new Presence(7, 1, "alice")))).isNotEmpty();
        assertThat(room.members().getFirst().online()).isFalse();
    }

    @Test
    void beingKickedClosesTheRoomWithWhoDidIt() {
        List<RoomState.Change> changes = room.apply(new ServerEvent.Room(
            new RoomEvent.MemberRemoved(7, BOB, RoomEvent.Reason.KICKED, ALICE, AT)));

        assertThat(changes).contains(new RoomState.Change.Notice("bob was removed by alice", AT),
            new RoomState.Change.Closed("alice removed you from Launch"));
        assertThat(room.members()).extracting(RoomState.MemberView::username).containsExactly("alice");
    }

    @Test
    void membershipAndOwnershipChangesUpdateTheListWithNotices() {
        UserRef carol = new UserRef(3, "carol");
        assertThat(room.apply(new ServerEvent.Room(new RoomEvent.MemberAdded(7, carol, "member", ALICE, AT))))
            .contains(new RoomState.Change.Notice("carol was added by alice", AT));
        assertThat(room.iAmOwner()).isFalse();

        room.apply(new ServerEvent.Room(new RoomEvent.OwnerChanged(7, ALICE, BOB, ALICE, AT)));

        assertThat(room.iAmOwner()).isTrue();
        assertThat(room.members()).first().extracting(RoomState.MemberView::username).isEqualTo("bob");
        assertThat(room.memberCount()).isEqualTo(3);
    }

    @Test
    void aDeletedProjectClosesTheRoom() {
        assertThat(room.apply(new ServerEvent.Room(new RoomEvent.ProjectDeleted(7, List.of(ALICE, BOB), ALICE, AT))))
            .contains(new RoomState.Change.Closed("alice deleted Launch"));
    }
}
