package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.chat.Reply;
import dev.huddle.contracts.chat.ServerEvent;
import dev.huddle.contracts.chat.WhoIsHere;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user opening a room learns who already has it open, on either chat instance ({@code here}), and a
 * user added to a project hears it before opening the room ({@code member_added} on their own feed).
 */
class WhoIsHereTest {

    @Test
    void aJoiningUserHearsWhoIsAlreadyInTheRoomOnEveryInstance(@TempDir Path root) {
        try (ChatCluster cluster = ChatCluster.start(root, Map.of());
             LineClient alice = LineClient.connect(cluster.linePortA);
             LineClient carol = LineClient.connect(cluster.linePortB);
             LineClient bob = LineClient.connect(cluster.linePortA)) {
            for (String name : new String[] {"alice", "bob", "carol", "dave"}) {
                alice.ok("reg " + name + " violet-anchor-93-drum");
            }
            String aliceToken = alice.ok("login alice violet-anchor-93-drum").getString("token");
            String bobToken = bob.ok("login bob violet-anchor-93-drum").getString("token");
            String carolToken = carol.ok("login carol violet-anchor-93-drum").getString("token");
            long project = alice.ok("new_project " + aliceToken + " standup").getJsonObject("project").getLong("id");
            alice.ok("add_group " + aliceToken + " " + project + " bob, carol");
            alice.ok("join " + aliceToken + " " + project);
            carol.ok("join " + carolToken + " " + project);

            bob.ok("join " + bobToken + " " + project);

            Set<UserRef> here = new HashSet<>();
            while (here.size() < 2) {
                Reply.Event event = bob.awaitEvent(e -> e.type().equals("here"));
                WhoIsHere answer = ((ServerEvent.Here) ServerEvent.decode(event.type(), event.json())).here();
                assertThat(answer.projectId()).isEqualTo(project);
                here.addAll(answer.users());
            }
            assertThat(here).extracting(UserRef::username).containsExactlyInAnyOrder("alice", "carol");
        }
    }

    @Test
    void aUserAddedToAProjectHearsItWithoutHavingTheRoomOpen(@TempDir Path root) {
        try (ChatCluster cluster = ChatCluster.start(root, Map.of());
             LineClient alice = LineClient.connect(cluster.linePortA);
             LineClient dave = LineClient.connect(cluster.linePortB)) {
            alice.ok("reg alice violet-anchor-93-drum");
            alice.ok("reg dave violet-anchor-93-drum");
            String aliceToken = alice.ok("login alice violet-anchor-93-drum").getString("token");
            dave.ok("login dave violet-anchor-93-drum");
            long project = alice.ok("new_project " + aliceToken + " standup").getJsonObject("project").getLong("id");

            alice.ok("add_group " + aliceToken + " " + project + " dave");

            Reply.Event added = dave.awaitEvent(e -> e.type().equals("member_added"));
            assertThat(added.json().getLong("projectId")).isEqualTo(project);
            assertThat(added.json().getJsonObject("user").getString("username")).isEqualTo("dave");
        }
    }
}
