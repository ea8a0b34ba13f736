package dev.huddle.desktop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.client.files.LineFiles;
import dev.huddle.client.files.Progress;
import dev.huddle.client.files.Sha256;
import dev.huddle.client.files.Transfer;
import dev.huddle.client.line.LineConnection;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.FileInfo;
import dev.huddle.contracts.chat.FileTarget;
import dev.huddle.contracts.chat.Reply;
import dev.huddle.desktop.Servers;
import dev.huddle.server.testing.Eventually;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files in a conversation's model against the real services, with huddle-cli's line connection as the other side. */
class ConversationFilesTest {

    @TempDir
    static Path root;
    static Servers servers;
    @TempDir
    Path home;
    @TempDir
    Path work;
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

    /** Alice on the desktop, in a project bob (on the line protocol) owns and has open. */
    private record Room(HomeModel home, ProjectModel project, LineConnection line, String bobToken, long id,
                        List<Reply.Event> bobSees) implements AutoCloseable {
        @Override
        public void close() {
            line.close();
        }
    }

    private Room room() {
        ui = new UiHarness(servers, home);
        String alice = servers.user("alice");
        String bob = servers.user("bob");
        LineConnection line = servers.line();
        String tb = line.ok(new Command.Login(bob, "violet-anchor-93-drum")).getString("token");
        long id = line.ok(new Command.NewProject(tb, "Files")).getJsonObject("project").getLong("id");
        line.ok(new Command.AddGroup(tb, id, alice));
        List<Reply.Event> bobSees = new CopyOnWriteArrayList<>();
        line.onEvent(bobSees::add);
        line.ok(new Command.Join(tb, id));
        ui.login(alice);
        Eventually.assertThat(() -> assertThat(ui.on(() -> ui.app.homeProperty().get())).isNotNull());
        HomeModel home = ui.home();
        Eventually.assertThat(() -> assertThat(ui.on(() -> home.projects().size())).isOne());
        ui.run(() -> home.openProject(home.projects().getFirst()));
        ProjectModel project = (ProjectModel) ui.on(() -> home.openProperty().get());
        return new Room(home, project, line, tb, id, bobSees);
    }

    private Path randomFile(String name, int size) throws Exception {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(work.resolve(name), bytes);
    }

    @Test
    void anAttachedFileIsSentWithProgressAndArrivesAsAFileMessageForTheOtherSide() throws Exception {
        try (Room room = room()) {
            Path file = randomFile("notes.bin", 300_000);

            ui.run(() -> room.project().attach(List.of(file)));

            Eventually.assertThat(() -> assertThat(room.bobSees()).anyMatch(e -> e.type().equals("chat")
                && e.json().getJsonObject("file") != null
                && e.json().getJsonObject("file").getString("name").equals("notes.bin")
                && e.json().getJsonObject("file").getString("sha256").equals(Sha256.of(file))));
            // the log may still be empty when this is first looked at: no getLast() on it
            Eventually.assertThat(() -> assertThat(ui.on(() -> room.project().entries().stream()
                .map(LogEntry::file).filter(Objects::nonNull).map(f -> f.name() + " " + f.size()).toList()))
                .containsExactly("notes.bin 300000"));
            Eventually.assertThat(() -> assertThat(ui.on(() -> room.project().transfers().isEmpty())).isTrue());
            assertThat(ui.on(() -> room.project().errorProperty().get())).isEmpty();
        }
    }

    @Test
    void aFileSentFromTheCliIsDownloadedWithItsHashCheckedAndAPictureGivesItsBytes() throws Exception {
        try (Room room = room(); LineFiles files = servers.lineFiles()) {
            Path report = randomFile("report.pdf", 70_000);
            Path picture = work.resolve("chart.png");
            ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", picture.toFile());

            files.upload(room.bobToken(), new FileTarget.Room(room.id()), report, "report.pdf", Progress.NONE);
            files.upload(room.bobToken(), new FileTarget.Room(room.id()), picture, "chart.png", Progress.NONE);

            Eventually.assertThat(() -> assertThat(ui.on(() -> room.project().entries().stream()
                .filter(e -> e.file() != null).map(e -> e.file().name()).toList())).containsExactly("report.pdf", "chart.png"));
            FileInfo pdf = ui.on(() -> room.project().entries().stream().filter(e -> e.file() != null).findFirst()
                .orElseThrow().file());
            FileInfo png = ui.on(() -> room.project().entries().getLast().file());
            assertThat(pdf.isImage()).isFalse();
            assertThat(png.isImage()).isTrue();

            Path downloads = Files.createDirectories(work.resolve("downloads"));
            ui.run(() -> room.project().download(pdf, downloads));
            Eventually.assertThat(() -> assertThat(ui.on(() -> room.project().fileStatusProperty().get()))
                .startsWith("Saved report.pdf (SHA-256 checked)"));
            assertThat(Files.readAllBytes(downloads.resolve("report.pdf"))).isEqualTo(Files.readAllBytes(report));
            ui.run(() -> room.project().download(pdf, downloads));
            Eventually.assertThat(() -> assertThat(downloads.resolve("report (2).pdf")).exists());

            AtomicReference<byte[]> shown = new AtomicReference<>();
            byte[] sent = Files.readAllBytes(picture);
            ui.run(() -> room.project().picture(png, shown::set));
            Eventually.assertThat(() -> assertThat(shown.get()).isEqualTo(sent));
        }
    }

    @Test
    void aCancelledUploadStopsAndLeavesNothingOnTheServer() throws Exception {
        try (Room room = room()) {
            Path big = randomFile("big.bin", 12 * 1024 * 1024);
            CountDownLatch started = new CountDownLatch(1);
            AtomicReference<Transfer<Long>> upload = new AtomicReference<>();

            // cancelled from its own first progress report, so it is cancelled mid-way whatever the machine's speed
            upload.set(room.home().client().files().upload(new FileTarget.Room(room.id()), big, (done, total) -> {
                awaitQuietly(started);
                upload.get().cancel();
            }));
            started.countDown();

            assertThatThrownBy(() -> upload.get().result().await(30, TimeUnit.SECONDS))
                .isInstanceOf(CancellationException.class);
            JsonObject listed = room.line().ok(new Command.Files(room.bobToken(), new FileTarget.Room(room.id()), 50, null));
            assertThat(listed.getJsonArray("files", new JsonArray())).isEmpty();
            assertThat(room.bobSees()).noneMatch(e -> e.type().equals("chat") && e.json().containsKey("file"));
        }
    }

    @Test
    void aTransferCancelledFromTheScreenLeavesNoErrorAndNoItem() throws Exception {
        try (Room room = room()) {
            Path big = randomFile("big.bin", 20 * 1024 * 1024);

            ui.run(() -> room.project().attach(List.of(big)));
            TransferItem item = ui.on(() -> room.project().transfers().getFirst());
            ui.run(item::cancel);

            Eventually.assertThat(() -> assertThat(ui.on(() -> room.project().transfers().isEmpty())).isTrue());
            assertThat(ui.on(() -> room.project().errorProperty().get())).isEmpty();
            assertThat(item.name()).isEqualTo("big.bin");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
