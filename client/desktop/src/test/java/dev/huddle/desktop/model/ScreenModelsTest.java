package dev.huddle.desktop.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.auth.totp.Base32;
import dev.huddle.auth.totp.Totp;
import dev.huddle.client.ServerAddress;
import dev.huddle.client.chat.ChatLink;
import dev.huddle.client.line.LineConnection;
import dev.huddle.client.state.RoomState;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.Reply;
import dev.huddle.desktop.Servers;
import dev.huddle.server.testing.Eventually;
import dev.huddle.server.testing.TestNodes;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every screen's model, without a window, against the real services. */
class ScreenModelsTest {

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

    private UiHarness ui() {
        ui = new UiHarness(servers, home);
        return ui;
    }

    private HomeModel loggedIn(UiHarness ui, String username) {
        ui.login(username);
        Eventually.assertThat(() -> assertThat(ui.on(() -> ui.app.screenProperty().get())).isEqualTo(AppModel.Screen.HOME));
        HomeModel home = ui.home();
        Eventually.assertThat(() -> assertThat(ui.on(() -> home.connectionProperty().get()))
            .isEqualTo(ChatLink.State.CONNECTED));
        return home;
    }

    private static String token(LineConnection line, String username) {
        return ok(line, new Command.Login(username, "violet-anchor-93-drum")).getString("token");
    }

    /** The second client's command, sent again while chat-service says it is over its 20 commands a second. */
    private static JsonObject ok(LineConnection line, Command command) {
        AtomicReference<Reply> reply = new AtomicReference<>();
        Eventually.assertThat(() -> {
            reply.set(line.request(command));
            assertThat(reply.get() instanceof Reply.Err err && err.code() == ErrorCode.RATE_LIMITED).isFalse();
        });
        return switch (reply.get()) {
            case Reply.Ok done -> done.object();
            case Reply.Err err -> throw new HuddleException(err.code(), err.message());
            case Reply.Event event -> throw new IllegalStateException("an event is never a reply");
            case Reply.Ready ready -> throw new IllegalStateException("READY answers only an upload");
        };
    }

    @Test
    void theLoginPageSaysWhatWentWrongInlineAndRemembersTheServer() {
        UiHarness ui = ui();
        String alice = servers.user("alice");
        LoginModel login = ui.app.login();

        ui.run(() -> {
            login.usernameProperty().set(alice);
            login.passwordProperty().set("not-the-password");
            login.login();
        });
        Eventually.assertThat(() -> assertThat(ui.on(() -> login.errorProperty().get()))
            .isEqualTo("Wrong username or password."));

        ui.run(() -> {
            login.serverProperty().set(ServerAddress.at("127.0.0.1", TestNodes.freePort()).text());
            login.login();
        });
        Eventually.assertThat(() -> assertThat(ui.on(() -> login.errorProperty().get()))
            .startsWith("The server cannot be reached right now."));

        ui.run(() -> {
            login.serverProperty().set("host:port");
            login.login();
        });
        assertThat(ui.on(() -> login.errorProperty().get())).startsWith("Server address:");

        ui.run(() -> login.serverProperty().set(servers.address().text()));
        loggedIn(ui, alice);
        Prefs remembered = new Prefs(home.resolve("desktop.properties"));
        assertThat(remembered.get("server", "")).isEqualTo(servers.address().text());
        assertThat(remembered.get("username", "")).isEqualTo(alice);
    }

    @Test
    void withTwoFactorOnTheLoginPageAsksForTheCodeThenLogsIn() {
        UiHarness ui = ui();
        String tina = servers.user("tina");
        byte[] secret;
        try (LineConnection line = servers.line()) {
            String token = token(line, tina);
            secret = Base32.decode(ok(line, new Command.TotpEnrol(token)).getString("secret"));
            ok(line, new Command.TotpConfirm(token, Totp.code(secret, Instant.now())));
        }
        LoginModel login = ui.app.login();
        assertThat(ui.on(() -> login.codeNeededProperty().get())).isFalse();
        ui.login(tina);
        Eventually.assertThat(() -> assertThat(ui.on(() -> login.codeNeededProperty().get())).isTrue());
        assertThat(ui.on(() -> login.errorProperty().get())).startsWith("Enter the code from your authenticator app");

        ui.run(() -> {
            login.passwordProperty().set("violet-anchor-93-drum");
            login.codeProperty().set("000000");
            login.login();
        });
        Eventually.assertThat(() -> assertThat(ui.on(() -> login.errorProperty().get()))
            .startsWith("Wrong password or code"));
        assertThat(ui.on(() -> ui.app.screenProperty().get())).isEqualTo(AppModel.Screen.LOGIN);

        ui.run(() -> {
            login.passwordProperty().set("violet-anchor-93-drum");
            // the next step's code: the confirming one's step is used up, and the drift window allows one ahead
            login.codeProperty().set(Totp.code(secret, Instant.now().plus(Totp.STEP)));
            login.login();
        });
        Eventually.assertThat(() -> assertThat(ui.on(() -> ui.app.screenProperty().get())).isEqualTo(AppModel.Screen.HOME));
        assertThat(ui.on(() -> login.codeNeededProperty().get())).as("the code field goes once logged in").isFalse();
    }

    @Test
    void theRegisterPageChecksItsFieldsThenCreatesTheAccountAndReturnsToLogin() {
        UiHarness ui = ui();
        String taken = servers.user("taken");
        RegisterModel register = ui.app.register();
        ui.run(() -> ui.app.login().register());
        assertThat(ui.on(() -> ui.app.screenProperty().get())).isEqualTo(AppModel.Screen.REGISTER);

        ui.run(() -> {
            register.usernameProperty().set("newcomer" + System.nanoTime() % 100_000);
            register.emailProperty().set("new@example.com");
            register.passwordProperty().set("violet-anchor-93-drum");
            register.confirmProperty().set("password124");
            register.register();
        });
        assertThat(ui.on(() -> register.errorProperty().get())).isEqualTo("The two passwords differ.");

        ui.run(() -> {
            register.usernameProperty().set(taken);
            register.confirmProperty().set("violet-anchor-93-drum");
            register.register();
        });
        Eventually.assertThat(() -> assertThat(ui.on(() -> register.errorProperty().get()))
            .isEqualTo("That username is taken. Pick another one."));

        String fresh = "fresh" + System.nanoTime() % 100_000;
        ui.run(() -> {
            register.usernameProperty().set(fresh);
            register.emailProperty().set(fresh + "@example.com");
            register.register();
        });
        Eventually.assertThat(() -> assertThat(ui.on(() -> ui.app.screenProperty().get())).isEqualTo(AppModel.Screen.LOGIN));
        assertThat(ui.on(() -> ui.app.login().infoProperty().get())).isEqualTo("Account created. Log in as " + fresh + ".");
        assertThat(ui.on(() -> ui.app.login().usernameProperty().get())).isEqualTo(fresh);
        loggedIn(ui, fresh);
    }

    @Test
    void anEmptyProjectListThenAProjectCreatedWithMembersOpensWithAResultPerName() {
        UiHarness ui = ui();
        String alice = servers.user("alice");
        String bob = servers.user("bob");
        HomeModel home = loggedIn(ui, alice);
        Eventually.assertThat(() -> assertThat(ui.on(() -> home.projects().isEmpty())).isTrue());

        ui.run(() -> {
            home.newProjectNameProperty().set("Launch plan");
            home.newProjectMembersProperty().set(bob + ", ghost" + System.nanoTime() % 1000);
            home.createProject();
        });

        Eventually.assertThat(() -> assertThat(ui.on(() -> home.openProperty().get())).isInstanceOf(ProjectModel.class));
        assertThat(ui.on(() -> home.messageProperty().get())).startsWith("Created Launch plan: " + bob + ": added · ghost")
            .endsWith(": no such user");
        assertThat(ui.on(() -> home.projects().getFirst().name())).isEqualTo("Launch plan");
        ProjectModel project = (ProjectModel) ui.on(() -> home.openProperty().get());
        Eventually.assertThat(() -> assertThat(ui.on(() -> List.copyOf(project.members()))).containsExactly(
            new RoomState.MemberView(alice, true, true, true), new RoomState.MemberView(bob, false, false, false)));
        assertThat(ui.on(() -> project.ownerProperty().get())).isTrue();

        ui.run(() -> {
            project.newMembersProperty().set(servers.user("carol") + "; " + bob);
            project.addMembers();
        });
        Eventually.assertThat(() -> assertThat(ui.on(() -> project.addResultProperty().get()))
            .matches("carol\\w+: added · " + bob + ": already a member"));
        Eventually.assertThat(() -> assertThat(ui.on(() -> project.members().size())).isEqualTo(3));
    }

    @Test
    void messagesShowAsUsernameMessageTimestampWithTheWholeHistoryAndReachASecondClient() {
        UiHarness ui = ui();
        String alice = servers.user("alice");
        String bob = servers.user("bob");
        try (LineConnection line = servers.line()) {
            String tb = token(line, bob);
            List<Reply.Event> bobSees = new CopyOnWriteArrayList<>();
            line.onEvent(bobSees::add);
            long id = ok(line, new Command.NewProject(tb, "History")).getJsonObject("project").getLong("id");
            ok(line, new Command.AddGroup(tb, id, alice));
            for (int i = 1; i <= 120; i++) {
                ok(line, new Command.Chat(tb, id, "message " + i));
            }
            ok(line, new Command.Join(tb, id));

            HomeModel home = loggedIn(ui, alice);
            Eventually.assertThat(() -> assertThat(ui.on(() -> home.projects().size())).isEqualTo(1));
            ui.run(() -> home.openProject(home.projects().getFirst()));
            ProjectModel project = (ProjectModel) ui.on(() -> home.openProperty().get());
            Eventually.assertThat(() -> assertThat(ui.on(() -> project.entries().size())).isEqualTo(50));
            assertThat(ui.on(() -> project.olderExistProperty().get())).isTrue();
            for (int page = 0; page < 2; page++) {
                int before = ui.on(() -> project.entries().size());
                ui.run(project::loadOlder);
                Eventually.assertThat(() -> assertThat(ui.on(() -> project.entries().size())).isGreaterThan(before));
            }
            List<LogEntry> all = ui.on(() -> List.copyOf(project.entries()));
            assertThat(all).hasSize(120);
            assertThat(all.getFirst().line()).startsWith(bob + ": message 1 - 20");
            assertThat(all.getLast().text()).isEqualTo("message 120");
            assertThat(ui.on(() -> project.olderExistProperty().get())).isFalse();

            ui.run(() -> {
                project.draftProperty().set("hello from the desktop\nsecond line");
                project.send();
            });
            Eventually.assertThat(() -> assertThat(bobSees).anyMatch(e -> e.type().equals("chat")
                && e.json().getString("text").equals("hello from the desktop\nsecond line")));
            // the reply to alice's client and bob's event come from two chat instances, in either order
            Eventually.assertThat(() -> assertThat(ui.on(() -> project.draftProperty().get())).isEmpty());

            ok(line, new Command.Chat(tb, id, "back at you"));
            Eventually.assertThat(() -> assertThat(ui.on(() -> project.entries().isEmpty() ? null : project.entries().getLast().line()))
                .startsWith(bob + ": back at you - "));
        }
    }

    @Test
    void directMessagesAndOtherRoomsCountUnreadUntilOpened() {
        UiHarness ui = ui();
        String alice = servers.user("alice");
        String bob = servers.user("bob");
        try (LineConnection line = servers.line()) {
            String tb = token(line, bob);
            long quiet = ok(line, new Command.NewProject(tb, "Quiet")).getJsonObject("project").getLong("id");
            ok(line, new Command.AddGroup(tb, quiet, alice));
            long busy = ok(line, new Command.NewProject(tb, "Busy")).getJsonObject("project").getLong("id");
            ok(line, new Command.AddGroup(tb, busy, alice));
            List<Reply.Event> bobSees = new CopyOnWriteArrayList<>();
            line.onEvent(bobSees::add);
            ok(line, new Command.Join(tb, busy));
            HomeModel home = loggedIn(ui, alice);
            Eventually.assertThat(() -> assertThat(ui.on(() -> home.projects().size())).isEqualTo(2));
            ListItem quietItem = ui.on(() -> home.projects().stream().filter(p -> p.projectId() == quiet).findFirst().orElseThrow());
            ListItem busyItem = ui.on(() -> home.projects().stream().filter(p -> p.projectId() == busy).findFirst().orElseThrow());
            ui.run(() -> home.openProject(quietItem));
            // the desktop opens every room on its connection: once Busy hears alice join, it hears her
            Eventually.assertThat(() -> assertThat(bobSees).anyMatch(e -> e.type().equals("joined")
                && e.json().getString("username").equals(alice)));

            ok(line, new Command.Chat(tb, busy, "ping"));
            Eventually.assertThat(() -> assertThat(ui.on(busyItem::unread)).isEqualTo(1));
            int before = ui.on(busyItem::unread);
            ok(line, new Command.Chat(tb, busy, "one more"));
            Eventually.assertThat(() -> assertThat(ui.on(busyItem::unread)).isEqualTo(before + 1));
            assertThat(ui.on(quietItem::unread)).isZero();

            ok(line, new Command.Dm(tb, alice, "psst"));
            ok(line, new Command.Dm(tb, alice, "are you there?"));
            Eventually.assertThat(() -> assertThat(ui.on(() -> home.dms().size())).isEqualTo(1));
            ListItem dm = ui.on(() -> home.dms().getFirst());
            Eventually.assertThat(() -> assertThat(ui.on(dm::unread)).isEqualTo(2));
            assertThat(ui.on(dm::name)).isEqualTo(bob);

            ui.run(() -> home.openDm(dm));
            assertThat(ui.on(dm::unread)).isZero();
            DmModel thread = (DmModel) ui.on(() -> home.openProperty().get());
            Eventually.assertThat(() -> assertThat(ui.on(() -> thread.entries().stream().map(LogEntry::text).toList()))
                .containsExactly("psst", "are you there?"));
            ui.run(() -> {
                thread.draftProperty().set("yes!");
                thread.send();
            });
            Eventually.assertThat(() -> assertThat(ok(line, new Command.DmHistory(tb, alice, null, null))
                .getJsonArray("messages").encode()).contains("\"text\":\"yes!\""));
        }
    }

    @Test
    void afterADropTheClientReconnectsRejoinsFetchesWhatItMissedAndKeepsWhatWasTyped() {
        ui = new UiHarness(servers, home, (address, tls) -> dev.huddle.client.HuddleClient.create(address, tls,
            new dev.huddle.client.chat.Backoff(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2), () -> 0.5)));
        String alice = servers.user("alice");
        String bob = servers.user("bob");
        try (LineConnection line = servers.line()) {
            String tb = token(line, bob);
            long id = ok(line, new Command.NewProject(tb, "Flaky wifi")).getJsonObject("project").getLong("id");
            ok(line, new Command.AddGroup(tb, id, alice));
            HomeModel home = loggedIn(ui, alice);
            Eventually.assertThat(() -> assertThat(ui.on(() -> home.projects().size())).isEqualTo(1));
            ui.run(() -> home.openProject(home.projects().getFirst()));
            ProjectModel project = (ProjectModel) ui.on(() -> home.openProperty().get());
            ui.run(() -> project.draftProperty().set("half a thought"));
            ok(line, new Command.Chat(tb, id, "before the drop"));
            Eventually.assertThat(() -> assertThat(ui.on(() -> project.entries().size())).isEqualTo(1));

            ui.run(() -> home.client().chat().dropConnection());
            Eventually.assertThat(() -> assertThat(ui.on(() -> home.connectionProperty().get()))
                .isEqualTo(ChatLink.State.RECONNECTING));
            ok(line, new Command.Chat(tb, id, "while you were away"));

            Eventually.assertThat(() -> assertThat(ui.on(() -> home.connectionProperty().get()))
                .isEqualTo(ChatLink.State.CONNECTED));
            Eventually.assertThat(() -> assertThat(ui.on(() -> project.entries().stream().map(LogEntry::text).toList()))
                .containsExactly("before the drop", "while you were away"));
            assertThat(ui.on(() -> project.draftProperty().get())).isEqualTo("half a thought");
            ok(line, new Command.Chat(tb, id, "and after"));
            Eventually.assertThat(() -> assertThat(ui.on(() -> project.entries().isEmpty() ? null : project.entries().getLast().text())).isEqualTo("and after"));
        }
    }

    @Test
    void aKickedMembersProjectViewClosesWithANotice() {
        UiHarness ui = ui();
        String alice = servers.user("alice");
        String bob = servers.user("bob");
        try (LineConnection line = servers.line()) {
            String tb = token(line, bob);
            long id = ok(line, new Command.NewProject(tb, "Kick me")).getJsonObject("project").getLong("id");
            ok(line, new Command.AddGroup(tb, id, alice));
            HomeModel home = loggedIn(ui, alice);
            Eventually.assertThat(() -> assertThat(ui.on(() -> home.projects().size())).isEqualTo(1));
            ui.run(() -> home.openProject(home.projects().getFirst()));
            ProjectModel project = (ProjectModel) ui.on(() -> home.openProperty().get());
            Eventually.assertThat(() -> assertThat(ui.on(() -> project.members().size())).isEqualTo(2));
            assertThat(ui.on(() -> project.ownerProperty().get())).isFalse();

            // the room is open on alice's connection once her join is through: then kick her
            Eventually.assertThat(() -> assertThat(ui.on(() -> home.connectionProperty().get()))
                .isEqualTo(ChatLink.State.CONNECTED));
            ok(line, new Command.Join(tb, id));
            Eventually.assertThat(() -> assertThat(ui.on(() -> project.members().stream()
                .anyMatch(m -> m.username().equals(bob) && m.online()))).isTrue());
            ok(line, new Command.Kick(tb, id, alice));

            Eventually.assertThat(() -> assertThat(ui.on(() -> home.openProperty().get())).isNull());
            assertThat(ui.on(() -> project.closedNoticeProperty().get())).isEqualTo(bob + " removed you from Kick me.");
            assertThat(ui.on(() -> home.messageProperty().get())).isEqualTo(bob + " removed you from Kick me.");
            assertThat(ui.on(() -> home.projects().isEmpty())).isTrue();
        }
    }
}
