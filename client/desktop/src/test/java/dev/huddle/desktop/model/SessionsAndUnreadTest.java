package dev.huddle.desktop.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.client.chat.ChatLink;
import dev.huddle.client.line.LineConnection;
import dev.huddle.client.state.RoomState;
import dev.huddle.client.store.TokenStore;
import dev.huddle.contracts.chat.Command;
import dev.huddle.desktop.Servers;
import dev.huddle.server.testing.Eventually;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What outlives a screen or a run of the client, against the real services: the remembered session,
 * unread counts, drafts per conversation; and what others do that the list shows at once (being added
 * to a project, who is already in a room).
 */
class SessionsAndUnreadTest {

    @TempDir
    static Path root;
    static Servers servers;
    @TempDir
    Path home;
    private final List<UiHarness> harnesses = new ArrayList<>();

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
        harnesses.forEach(UiHarness::close);
    }

    /** A run of the client on this computer (the same home each time). */
    private UiHarness run() {
        UiHarness ui = new UiHarness(servers, home);
        harnesses.add(ui);
        return ui;
    }

    private static HomeModel loggedIn(UiHarness ui, String username, boolean remember) {
        ui.run(() -> ui.app.login().rememberProperty().set(remember));
        ui.login(username);
        return atHome(ui);
    }

    private static HomeModel atHome(UiHarness ui) {
        Eventually.assertThat(() -> assertThat(ui.on(() -> ui.app.screenProperty().get())).isEqualTo(AppModel.Screen.HOME));
        HomeModel home = ui.home();
        Eventually.assertThat(() -> assertThat(ui.on(() -> home.connectionProperty().get()))
            .isEqualTo(ChatLink.State.CONNECTED));
        return home;
    }

    private static ListItem project(UiHarness ui, HomeModel home, long id) {
        Eventually.assertThat(() -> assertThat(ui.on(() -> home.projects().stream().anyMatch(p -> p.projectId() == id)))
            .isTrue());
        return ui.on(() -> home.projects().stream().filter(p -> p.projectId() == id).findFirst().orElseThrow());
    }

    @Test
    void rememberMeReopensLoggedInUntilLogoutAndARevokedTokenIsForgotten() {
        String alice = servers.user("alice");
        UiHarness first = run();
        loggedIn(first, alice, true);
        assertThat(first.on(first.app::remembersToken)).isTrue();
        first.quit();

        UiHarness second = run();
        second.run(second.app::start);
        HomeModel resumed = atHome(second);
        assertThat(second.on(resumed::username)).isEqualTo(alice);
        TokenStore store = new TokenStore(home.resolve("desktop-token"));
        String token = store.read().orElseThrow();
        second.run(resumed::logout);
        Eventually.assertThat(() -> assertThat(second.on(() -> second.app.screenProperty().get()))
            .isEqualTo(AppModel.Screen.LOGIN));
        assertThat(store.read()).isEmpty();

        // a token revoked elsewhere (here: by that logout) is refused, forgotten, and the login page says so
        store.save(token);
        UiHarness third = run();
        third.run(third.app::start);
        Eventually.assertThat(() -> assertThat(third.on(() -> third.app.login().infoProperty().get()))
            .isEqualTo("Your saved session has ended; log in again."));
        assertThat(third.on(() -> third.app.screenProperty().get())).isEqualTo(AppModel.Screen.LOGIN);
        assertThat(store.read()).isEmpty();
    }

    @Test
    void withoutRememberMeNoTokenIsKeptAndTheNextRunShowsTheLoginPage() {
        String alice = servers.user("alice");
        UiHarness first = run();
        loggedIn(first, alice, false);
        assertThat(first.on(first.app::remembersToken)).isFalse();
        first.quit();

        UiHarness second = run();
        second.run(second.app::start);
        assertThat(second.on(() -> second.app.screenProperty().get())).isEqualTo(AppModel.Screen.LOGIN);
        assertThat(second.on(() -> second.app.login().usernameProperty().get())).isEqualTo(alice);
    }

    @Test
    void unreadCountsSurviveARestartAndOpeningAConversationReadsIt() {
        String alice = servers.user("alice");
        String bob = servers.user("bob");
        try (LineConnection line = servers.line()) {
            String tb = line.ok(new Command.Login(bob, "violet-anchor-93-drum")).getString("token");
            long id = line.ok(new Command.NewProject(tb, "Standup")).getJsonObject("project").getLong("id");
            line.ok(new Command.AddGroup(tb, id, alice));
            line.ok(new Command.Chat(tb, id, "one"));

            UiHarness first = run();
            HomeModel home = loggedIn(first, alice, false);
            ListItem standup = project(first, home, id);
            Eventually.assertThat(() -> assertThat(first.on(standup::unread)).isEqualTo(1));
            // a thread arriving live joins the list
            line.ok(new Command.Dm(tb, alice, "hello"));
            Eventually.assertThat(() -> assertThat(first.on(() -> home.dms().size())).isOne());
            ListItem dm = first.on(() -> home.dms().getFirst());
            first.run(() -> home.openDm(dm));
            Eventually.assertThat(() -> assertThat(first.on(() -> home.openProperty().get().entries().size())).isOne());
            first.quit();

            line.ok(new Command.Chat(tb, id, "two"));
            line.ok(new Command.Dm(tb, alice, "are you back?"));
            line.ok(new Command.Dm(tb, alice, "ping"));

            UiHarness second = run();
            HomeModel again = loggedIn(second, alice, false);
            ListItem standupAgain = project(second, again, id);
            Eventually.assertThat(() -> assertThat(second.on(standupAgain::unread)).isEqualTo(2));
            Eventually.assertThat(() -> assertThat(second.on(() -> again.dms().size())).isOne());
            ListItem dmAgain = second.on(() -> again.dms().getFirst());
            Eventually.assertThat(() -> assertThat(second.on(dmAgain::unread)).isEqualTo(2));
            second.run(() -> again.openProject(standupAgain));
            Eventually.assertThat(() -> assertThat(second.on(() -> again.openProperty().get().entries().size())).isEqualTo(2));
            second.quit();

            UiHarness third = run();
            HomeModel last = loggedIn(third, alice, false);
            ListItem standupLast = project(third, last, id);
            Eventually.assertThat(() -> assertThat(third.on(() -> last.dms().size())).isOne());
            ListItem dmLast = third.on(() -> last.dms().getFirst());
            Eventually.assertThat(() -> assertThat(third.on(dmLast::unread)).isEqualTo(2));
            assertThat(third.on(standupLast::unread)).isZero();
        }
    }

    @Test
    void onAComputerNeverUsedBeforeTheThreadsComeFromTheServerNewestFirstWithTheirUnreadCounts() {
        String alice = servers.user("alice");
        String bob = servers.user("bob");
        String carol = servers.user("carol");
        try (LineConnection line = servers.line()) {
            String tb = line.ok(new Command.Login(bob, "violet-anchor-93-drum")).getString("token");
            String tc = line.ok(new Command.Login(carol, "violet-anchor-93-drum")).getString("token");
            line.ok(new Command.Dm(tb, alice, "hi alice"));
            line.ok(new Command.Dm(tb, alice, "are you there?"));
            line.ok(new Command.Dm(tc, alice, "lunch?"));
            line.ok(new Command.Dm(tb, carol, "not alice's business"));

            // this run's home (prefs, read marks) is empty: nothing was ever read on this computer
            UiHarness fresh = run();
            HomeModel home = loggedIn(fresh, alice, false);

            Eventually.assertThat(() -> assertThat(fresh.on(() -> home.dms().stream().map(ListItem::name).toList()))
                .containsExactly(carol, bob));
            ListItem fromCarol = fresh.on(() -> home.dms().get(0));
            ListItem fromBob = fresh.on(() -> home.dms().get(1));
            Eventually.assertThat(() -> assertThat(fresh.on(fromBob::unread)).isEqualTo(2));
            Eventually.assertThat(() -> assertThat(fresh.on(fromCarol::unread)).isEqualTo(1));

            fresh.run(() -> home.openDm(fromBob));
            Eventually.assertThat(() -> assertThat(fresh.on(() -> home.openProperty().get().entries().size())).isEqualTo(2));
            assertThat(fresh.on(fromBob::unread)).isZero();
        }
    }

    @Test
    void aDraftStaysWithItsConversationAndThroughAReconnect() {
        String alice = servers.user("alice");
        String bob = servers.user("bob");
        UiHarness ui = run();
        try (LineConnection line = servers.line()) {
            String tb = line.ok(new Command.Login(bob, "violet-anchor-93-drum")).getString("token");
            long id = line.ok(new Command.NewProject(tb, "Drafts")).getJsonObject("project").getLong("id");
            line.ok(new Command.AddGroup(tb, id, alice));
            HomeModel home = loggedIn(ui, alice, false);
            ListItem drafts = project(ui, home, id);
            line.ok(new Command.Dm(tb, alice, "hi"));
            Eventually.assertThat(() -> assertThat(ui.on(() -> home.dms().size())).isOne());

            ui.run(() -> {
                home.openProject(drafts);
                home.openProperty().get().draftProperty().set("half a thought");
                home.openDm(home.dms().getFirst());
            });
            assertThat(ui.on(() -> home.openProperty().get().draftProperty().get())).isEmpty();
            ui.run(() -> {
                home.openProperty().get().draftProperty().set("for bob only");
                home.openProject(drafts);
            });
            assertThat(ui.on(() -> home.openProperty().get().draftProperty().get())).isEqualTo("half a thought");

            ui.on(() -> home.client().chat().dropConnection());
            Eventually.assertThat(() -> assertThat(ui.on(() -> home.connectionProperty().get()))
                .isNotEqualTo(ChatLink.State.CONNECTED));
            Eventually.assertThat(() -> assertThat(ui.on(() -> home.connectionProperty().get()))
                .isEqualTo(ChatLink.State.CONNECTED));
            assertThat(ui.on(() -> home.openProperty().get().draftProperty().get())).isEqualTo("half a thought");
            ui.run(() -> home.openDm(home.dms().getFirst()));
            assertThat(ui.on(() -> home.openProperty().get().draftProperty().get())).isEqualTo("for bob only");
        }
    }

    @Test
    void beingAddedByAnotherUserShowsTheProjectWithoutARefresh() {
        String alice = servers.user("alice");
        String bob = servers.user("bob");
        UiHarness ui = run();
        HomeModel home = loggedIn(ui, alice, false);
        Eventually.assertThat(() -> assertThat(ui.on(() -> home.projects().isEmpty())).isTrue());
        try (LineConnection line = servers.line()) {
            String tb = line.ok(new Command.Login(bob, "violet-anchor-93-drum")).getString("token");
            long id = line.ok(new Command.NewProject(tb, "Surprise")).getJsonObject("project").getLong("id");

            line.ok(new Command.AddGroup(tb, id, alice));

            ListItem added = project(ui, home, id);
            assertThat(ui.on(added::name)).isEqualTo("Surprise");
            Eventually.assertThat(() -> assertThat(ui.on(() -> home.client().chat().rooms())).contains(id));
        }
    }

    @Test
    void whoIsAlreadyInTheRoomShowsOnlineWhenItOpens() {
        String alice = servers.user("alice");
        String bob = servers.user("bob");
        try (LineConnection line = servers.line()) {
            String tb = line.ok(new Command.Login(bob, "violet-anchor-93-drum")).getString("token");
            long id = line.ok(new Command.NewProject(tb, "Present")).getJsonObject("project").getLong("id");
            line.ok(new Command.AddGroup(tb, id, alice));
            line.ok(new Command.Join(tb, id)); // bob is in the room before alice starts, and stays silent

            UiHarness ui = run();
            HomeModel home = loggedIn(ui, alice, false);
            ListItem present = project(ui, home, id);
            ui.run(() -> home.openProject(present));
            ProjectModel room = (ProjectModel) ui.on(() -> home.openProperty().get());

            Eventually.assertThat(() -> assertThat(ui.on(() -> List.copyOf(room.members()))).containsExactly(
                new RoomState.MemberView(bob, true, true, false), new RoomState.MemberView(alice, false, true, true)));
            assertThat(ui.on(() -> Optional.ofNullable(room.errorProperty().get()).orElse(""))).isEmpty();
        }
    }
}
