package dev.huddle.desktop.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.client.HuddleClient;
import dev.huddle.client.chat.ChatLink;
import dev.huddle.client.files.LineFiles;
import dev.huddle.client.files.Progress;
import dev.huddle.client.line.LineConnection;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.FileTarget;
import dev.huddle.desktop.Servers;
import dev.huddle.server.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The side bar as a chat app shows it, against the real services: each conversation's newest message
 * in one line with how long ago it was, the direct-message threads newest first, kept so live as
 * messages arrive, are sent, and as someone writes for the first time.
 */
class DmListTest {

    private static final String PASSWORD = "violet-anchor-93-drum";

    @TempDir
    static Path root;
    static Servers servers;
    @TempDir
    Path home;
    private UiHarness ui;

    @BeforeAll
    static void start() {
        servers = Servers.start(root);
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @AfterEach
    void closeUi() {
        if (ui != null) {
            ui.close();
        }
    }

    private HomeModel loggedIn(String username) {
        ui = new UiHarness(servers, home);
        ui.login(username);
        Eventually.assertThat(() -> assertThat(ui.on(() -> ui.app.screenProperty().get())).isEqualTo(AppModel.Screen.HOME));
        HomeModel model = ui.home();
        Eventually.assertThat(() -> assertThat(ui.on(() -> model.connectionProperty().get()))
            .isEqualTo(ChatLink.State.CONNECTED));
        return model;
    }

    /** Each thread as {@code name | preview | time}, top to bottom. */
    private List<String> threads(HomeModel model) {
        return ui.on(() -> model.dms().stream().map(d -> d.name() + " | " + d.preview() + " | " + d.time()).toList());
    }

    @Test
    void aNewMessageMovesItsThreadToTheTopWithItsPreviewAndANewThreadAppears() throws Exception {
        String alice = servers.user("alice");
        String bob = servers.user("bob");
        String carol = servers.user("carol");
        String dave = servers.user("dave");
        try (LineConnection line = servers.line()) {
            String tb = line.ok(new Command.Login(bob, PASSWORD)).getString("token");
            String td = line.ok(new Command.Login(dave, PASSWORD)).getString("token");
            line.ok(new Command.Dm(tb, alice, "hi alice"));
            try (HuddleClient fromCarol = HuddleClient.create(servers.address())) {
                // the line form cannot carry several lines; the client's framing can
                fromCarol.login(carol, PASSWORD).await();
                fromCarol.sendDirect(alice, "lunch?\nthe usual place").await();
            }

            HomeModel model = loggedIn(alice);
            Eventually.assertThat(() -> assertThat(threads(model)).containsExactly(
                carol + " | lunch? the usual place | now", bob + " | hi alice | now"));

            ListItem fromBob = ui.on(() -> model.dms().get(1));

            // bob writes (perhaps while the count of his thread at login is still on its way: his new
            // message then counts once, not once in that page and again as it arrives): his thread goes
            // to the top, carol's below it
            line.ok(new Command.Dm(tb, alice, "are you there?"));
            Eventually.assertThat(() -> assertThat(threads(model)).containsExactly(
                bob + " | are you there? | now", carol + " | lunch? the usual place | now"));
            assertThat(ui.on(() -> model.dms().getFirst())).isSameAs(fromBob);
            Eventually.assertThat(() -> assertThat(ui.on(fromBob::unread)).isEqualTo(2));

            // alice answers carol from her thread: carol's goes to the top, marked as alice's own
            ListItem withCarol = ui.on(() -> model.dms().get(1));
            ui.run(() -> model.openDm(withCarol));
            Eventually.assertThat(() -> assertThat(ui.on(() -> model.openProperty().get().entries().size())).isOne());
            ui.run(() -> {
                model.openProperty().get().draftProperty().set("yes, 12:30");
                model.openProperty().get().send();
            });
            Eventually.assertThat(() -> assertThat(threads(model)).containsExactly(
                carol + " | You: yes, 12:30 | now", bob + " | are you there? | now"));

            // someone alice never wrote with: a new thread, at the top
            line.ok(new Command.Dm(td, alice, "Hello! I'm new on the team 👋"));
            Eventually.assertThat(() -> assertThat(threads(model)).containsExactly(
                dave + " | Hello! I'm new on the team 👋 | now", carol + " | You: yes, 12:30 | now",
                bob + " | are you there? | now"));

            // a file bob sends shows as its name
            try (LineFiles files = servers.lineFiles()) {
                Path notes = Files.writeString(root.resolve("notes.txt"), "agenda\n");
                files.upload(tb, new FileTarget.User(alice), notes, "notes.txt", Progress.NONE);
            }
            Eventually.assertThat(() -> assertThat(threads(model).getFirst()).isEqualTo(bob + " | notes.txt | now"));
            assertThat(ui.on(() -> model.dms().getFirst().previewIsFileProperty().get())).isTrue();
            assertThat(ui.on(() -> model.dms().get(1).previewIsFileProperty().get())).isFalse();

            // a file alice sends in her open thread with carol: shown in the thread, and carol's goes to the top
            Path agenda = Files.writeString(root.resolve("agenda.md"), "1. lunch\n");
            ConversationModel<?> thread = ui.on(() -> model.openProperty().get());
            ui.run(() -> thread.attach(List.of(agenda)));
            Eventually.assertThat(() -> assertThat(ui.on(thread.transfers()::isEmpty)).isTrue());
            assertThat(ui.on(() -> thread.errorProperty().get())).isEmpty();
            Eventually.assertThat(() -> assertThat(threads(model).getFirst()).isEqualTo(carol + " | You: agenda.md | now"));
            assertThat(ui.on(() -> model.openProperty().get().entries().getLast().file().name())).isEqualTo("agenda.md");
        }
    }

    @Test
    void aProjectShowsItsNewestMessageFromHistoryAndThenLive() {
        String alice = servers.user("alice");
        String bob = servers.user("bob");
        try (LineConnection line = servers.line()) {
            String tb = line.ok(new Command.Login(bob, PASSWORD)).getString("token");
            long id = line.ok(new Command.NewProject(tb, "Launch")).getJsonObject("project").getLong("id");
            line.ok(new Command.AddGroup(tb, id, alice));
            line.ok(new Command.Chat(tb, id, "the staging build is green"));

            HomeModel model = loggedIn(alice);
            Eventually.assertThat(() -> assertThat(ui.on(() -> model.projects().stream()
                .map(p -> p.name() + " | " + p.preview() + " | " + p.time()).toList()))
                .containsExactly("Launch | " + bob + ": the staging build is green | now"));
            ListItem launch = ui.on(() -> model.projects().getFirst());

            line.ok(new Command.Chat(tb, id, "shipping at 10"));
            Eventually.assertThat(() -> assertThat(ui.on(launch::preview)).isEqualTo(bob + ": shipping at 10"));

            ui.run(() -> model.openProject(launch));
            ui.run(() -> {
                model.openProperty().get().draftProperty().set("great");
                model.openProperty().get().send();
            });
            Eventually.assertThat(() -> assertThat(ui.on(launch::preview)).isEqualTo("You: great"));
        }
    }
}
