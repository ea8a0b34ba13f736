package dev.huddle.desktop.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.client.chat.ChatLink;
import dev.huddle.client.files.Progress;
import dev.huddle.contracts.chat.FileInfo;
import dev.huddle.contracts.chat.FileTarget;
import dev.huddle.desktop.Servers;
import dev.huddle.server.testing.Eventually;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login page's "Use TLS" against services with TLS on every port: plain refused, TLS trusting
 * their CA logs in, the chat connects over wss and files go over https, and the choice is remembered
 * with the address (a remembered session is taken up over TLS).
 */
class TlsLoginTest {

    @TempDir
    static Path root;
    static Servers servers;
    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        servers = Servers.withTls(root);
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void loggingInWithTlsTrustingTheServersCaWorksAndIsRemembered() throws Exception {
        String ada = servers.user("ada");
        String ca = servers.tls().trusted().toString();
        try (UiHarness ui = new UiHarness(servers, home)) {
            LoginModel login = ui.app.login();
            assertThat(ui.on(() -> login.useTlsProperty().get())).as("off until asked for").isFalse();
            ui.login(ada);
            Eventually.assertThat(() -> assertThat(ui.on(() -> login.errorProperty().get()))
                .startsWith("The server cannot be reached"));

            ui.run(() -> {
                login.useTlsProperty().set(true);
                login.caFileProperty().set(root.resolve("no-such-ca.crt").toString());
            });
            ui.login(ada);
            assertThat(ui.on(() -> login.errorProperty().get())).startsWith("TLS: cannot read the CA file");

            ui.run(() -> {
                login.caFileProperty().set(ca);
                login.rememberProperty().set(true);
            });
            ui.login(ada);
            Eventually.assertThat(() -> assertThat(ui.on(() -> ui.app.screenProperty().get())).isEqualTo(AppModel.Screen.HOME));
            HomeModel home = ui.home();
            Eventually.assertThat(() -> assertThat(ui.on(() -> home.connectionProperty().get()))
                .isEqualTo(ChatLink.State.CONNECTED));
            assertThat(home.client().tls().enabled()).isTrue();

            // files go over https with the same trust
            long project = servers.project(ada, "Over TLS", servers.user("cy"));
            byte[] bytes = "notes sent over TLS\n".repeat(300).getBytes(StandardCharsets.UTF_8);
            Path notes = Files.write(root.resolve("tls-notes.txt"), bytes);
            long id = home.client().files().upload(new FileTarget.Room(project), notes, Progress.NONE).result().await();
            FileInfo sent = new FileInfo(id, "tls-notes.txt", bytes.length, "text/plain",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            assertThat(home.client().files().fetch(sent, 1 << 20).result().await()).isEqualTo(bytes);
            ui.quit();
        }

        try (UiHarness again = new UiHarness(servers, home)) {
            LoginModel login = again.app.login();
            assertThat(again.on(() -> login.useTlsProperty().get())).isTrue();
            assertThat(again.on(() -> login.caFileProperty().get())).isEqualTo(ca);
            again.run(again.app::start);
            Eventually.assertThat(() -> assertThat(again.on(() -> again.app.screenProperty().get()))
                .as("the remembered session is taken up over TLS").isEqualTo(AppModel.Screen.HOME));
        }
    }

    @Test
    void tlsTrustingTheSystemsAuthoritiesRefusesAServerWhoseCaTheyDoNotKnow() {
        String bo = servers.user("bo");
        try (UiHarness ui = new UiHarness(servers, home)) {
            LoginModel login = ui.app.login();
            ui.run(() -> login.useTlsProperty().set(true));
            ui.login(bo);
            Eventually.assertThat(() -> assertThat(ui.on(() -> login.errorProperty().get()))
                .startsWith("The server cannot be reached"));
            assertThat(ui.on(() -> ui.app.screenProperty().get())).isEqualTo(AppModel.Screen.LOGIN);
        }
    }
}
