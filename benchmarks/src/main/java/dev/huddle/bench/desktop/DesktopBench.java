package dev.huddle.bench.desktop;

import dev.huddle.client.HuddleClient;
import dev.huddle.client.ServerAddress;
import dev.huddle.bench.Blocking;
import dev.huddle.client.line.LineChannel;
import dev.huddle.contracts.chat.Command;
import dev.huddle.contracts.chat.Reply;
import dev.huddle.desktop.model.AppModel;
import dev.huddle.desktop.model.HomeModel;
import dev.huddle.desktop.model.ListItem;
import dev.huddle.desktop.model.LogEntry;
import dev.huddle.desktop.model.Prefs;
import dev.huddle.desktop.model.ProjectModel;
import dev.huddle.desktop.model.UiThread;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * The desktop client's figures (docs/benchmarks.md), each beside a reference measured in the same run:
 * <ol>
 * <li>start → login page shown (a new JVM each time), against an empty JavaFX window;</li>
 * <li>login → project list filled (20 projects), against the same two calls without the screens;</li>
 * <li>a message sent in one client → shown in the other (two screen models, 200 messages, p50/p99),
 *     against the same over two raw line-protocol connections;</li>
 * <li>heap with 20 rooms opened and 10,000 messages of history loaded, against the same client
 *     logged in with nothing opened.</li>
 * </ol>
 * Needs the services running (their ports in the arguments) with a high command rate for the seeding,
 * and an X display. A main, not a test.
 */
public final class DesktopBench {

    static final int ROOMS = 20;
    static final int PER_ROOM = 500;
    static final int MESSAGES = 200;
    static final int STARTS = 5;

    private final ServerAddress address;
    private final int linePort;
    private final Vertx vertx = Vertx.vertx();
    private final NetClient net = vertx.createNetClient();
    private final String prefix = "db" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private DesktopBench(ServerAddress address, int linePort) {
        this.address = address;
        this.linePort = linePort;
    }

    /** Arguments: {@code <host:auth,room,chat> <line port> <desktop jar> [all|startup|models]}. */
    public static void main(String[] args) throws Exception {
        DesktopBench bench = new DesktopBench(ServerAddress.parse(args[0]), Integer.parseInt(args[1]));
        String what = args.length > 3 ? args[3] : "all";
        if (!what.equals("models")) {
            startup(Path.of(args[2]));
        }
        if (what.equals("startup")) {
            System.exit(0);
        }
        Platform.startup(() -> { });
        bench.run();
        System.exit(0);
    }

    private static void startup(Path desktopJar) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("java.class.path");
        double[] huddle = new double[STARTS];
        double[] empty = new double[STARTS];
        for (int i = 0; i < STARTS; i++) {
            empty[i] = launch(List.of(java, "-cp", classPath, EmptyWindow.Main.class.getName()));
            huddle[i] = launch(List.of(java, "-Dhuddle.measure.startup=true", "-jar", desktopJar.toString()));
        }
        report("start -> login page shown (median of " + STARTS + ")", median(huddle), median(empty), "ms",
            "empty JavaFX window");
    }

    private static double launch(List<String> command) throws Exception {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains("huddle-login-shown")) {
                    double ms = (System.nanoTime() - started) / 1e6;
                    process.waitFor(30, TimeUnit.SECONDS);
                    return ms;
                }
            }
        }
        throw new IllegalStateException("no window from " + command);
    }

    private void run() throws Exception {
        String alice = prefix + "a";
        String bob = prefix + "b";
        List<LineChannel> lanes = Blocking.await(LineChannel.openMany(vertx, net, address.socketHost(), linePort, ROOMS, ROOMS));
        ok(lanes.get(0), new Command.Reg(alice, "violet-anchor-93-drum", alice + "@example.com"));
        ok(lanes.get(0), new Command.Reg(bob, "violet-anchor-93-drum", bob + "@example.com"));
        String tb = ok(lanes.get(0), new Command.Login(bob, "violet-anchor-93-drum")).getString("token");
        List<Long> rooms = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            long id = ok(lanes.get(r), new Command.NewProject(tb, "Room " + r)).getJsonObject("project").getLong("id");
            ok(lanes.get(r), new Command.AddGroup(tb, id, alice));
            rooms.add(id);
        }
        List<Future<?>> seeding = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            LineChannel lane = lanes.get(r);
            for (int m = 0; m < PER_ROOM; m++) {
                seeding.add(lane.request(new Command.Chat(tb, rooms.get(r), "history message " + m + " of room " + r)));
            }
        }
        Blocking.await(Future.all(seeding));

        loginToProjects(alice);
        latency(alice, bob, rooms.getFirst(), lanes, tb);
        memory(alice);
    }

    private void loginToProjects(String alice) throws Exception {
        double[] screens = new double[5];
        double[] raw = new double[5];
        for (int i = 0; i < screens.length; i++) {
            long t0 = System.nanoTime();
            try (HuddleClient client = HuddleClient.create(address)) {
                client.login(alice, "violet-anchor-93-drum").compose(s -> client.projects()).await();
                raw[i] = (System.nanoTime() - t0) / 1e6;
                client.logout().await();
            }
            AppModel app = app();
            long started = System.nanoTime();
            fx(() -> {
                app.login().usernameProperty().set(alice);
                app.login().passwordProperty().set("violet-anchor-93-drum");
                app.login().login();
            });
            waitFor(() -> fxGet(() -> app.homeProperty().get() != null
                && app.homeProperty().get().projects().size() == ROOMS));
            screens[i] = (System.nanoTime() - started) / 1e6;
            fx(() -> app.homeProperty().get().logout());
            waitFor(() -> fxGet(() -> app.homeProperty().get() == null));
        }
        report("login -> project list (20 projects, median of 5)", median(screens), median(raw), "ms",
            "HuddleClient login + projects, no screens");
    }

    private void latency(String alice, String bob, long room, List<LineChannel> lanes, String tb) throws Exception {
        AppModel a = app();
        AppModel b = app();
        HomeModel homeA = login(a, alice);
        HomeModel homeB = login(b, bob);
        ProjectModel sender = open(homeA, room);
        ProjectModel receiver = open(homeB, room);
        double[] screens = new double[MESSAGES];
        long[] sentAt = new long[1];
        String[] expected = new String[1];
        CompletableFuture<?>[] shown = new CompletableFuture<?>[1];
        fx(() -> receiver.entries().addListener((javafx.collections.ListChangeListener<LogEntry>) change -> {
            if (expected[0] != null && !receiver.entries().isEmpty()
                && receiver.entries().getLast().text().equals(expected[0])) {
                expected[0] = null;
                shown[0].complete(null);
            }
        }));
        for (int i = 0; i < MESSAGES; i++) {
            String text = "latency " + i;
            // one message at a time: the next is typed once the sender's screen has its acknowledgement
            waitFor(() -> fxGet(() -> !sender.sendingProperty().get()));
            CompletableFuture<Void> arrived = new CompletableFuture<>();
            fx(() -> {
                shown[0] = arrived;
                expected[0] = text;
                sentAt[0] = System.nanoTime();
                sender.draftProperty().set(text);
                sender.send();
            });
            arrived.get(10, TimeUnit.SECONDS);
            screens[i] = (System.nanoTime() - sentAt[0]) / 1e6;
        }
        // reference: the same over two line connections, bob's joined to the room
        LineChannel sending = lanes.get(1);
        LineChannel listening = lanes.get(2);
        String ta = ok(sending, new Command.Login(alice, "violet-anchor-93-drum")).getString("token");
        ok(listening, new Command.Join(tb, room));
        double[] raw = new double[MESSAGES];
        for (int i = 0; i < MESSAGES; i++) {
            String marker = "\"text\":\"raw " + i + "\"";
            CompletableFuture<Void> seen = new CompletableFuture<>();
            long t0 = System.nanoTime();
            int index = i;
            listening.onEvent((Buffer line) -> {
                if (!seen.isDone() && line.toString().contains(marker)) {
                    raw[index] = (System.nanoTime() - t0) / 1e6;
                    seen.complete(null);
                }
            });
            sending.request(new Command.Chat(ta, room, "raw " + i));
            seen.get(10, TimeUnit.SECONDS);
        }
        report("message sent -> shown in the other client, p50 (200 messages)", percentile(screens, 50),
            percentile(raw, 50), "ms", "two line-protocol connections");
        report("message sent -> shown in the other client, p99 (200 messages)", percentile(screens, 99),
            percentile(raw, 99), "ms", "two line-protocol connections");
        fx(homeA::logout);
        fx(homeB::logout);
    }

    private void memory(String alice) throws Exception {
        AppModel app = app();
        HomeModel home = login(app, alice);
        long before = heapAfterGc();
        for (ListItem item : fxGet(() -> List.copyOf(home.projects()))) {
            fx(() -> home.openProject(item));
            ProjectModel room = (ProjectModel) fxGet(() -> home.openProperty().get());
            waitFor(() -> fxGet(() -> room.entries().size() >= 50));
            while (fxGet(() -> room.olderExistProperty().get())) {
                int size = fxGet(() -> room.entries().size());
                fx(room::loadOlder);
                waitFor(() -> fxGet(() -> room.entries().size() > size || !room.olderExistProperty().get()));
            }
        }
        long after = heapAfterGc();
        report("heap, 20 rooms opened, 10,000 messages loaded", after / 1048576.0, before / 1048576.0, "MiB",
            "the same client logged in, nothing opened");
        System.out.printf("process RSS with the 20 rooms: %.0f MiB%n", rss() / 1024.0);
        fx(home::logout);
    }

    private AppModel app() throws Exception {
        Path prefs = Files.createTempFile("desktop-bench", ".properties");
        return fxGet(() -> new AppModel(new UiThread(Platform::runLater), new Prefs(prefs), address.text(),
            HuddleClient::create));
    }

    private HomeModel login(AppModel app, String user) throws Exception {
        fx(() -> {
            app.login().usernameProperty().set(user);
            app.login().passwordProperty().set("violet-anchor-93-drum");
            app.login().login();
        });
        waitFor(() -> fxGet(() -> app.homeProperty().get() != null && app.homeProperty().get().projects().size() == ROOMS));
        return fxGet(() -> app.homeProperty().get());
    }

    private ProjectModel open(HomeModel home, long room) throws Exception {
        fx(() -> home.openProject(home.projects().stream().filter(p -> p.projectId() == room).findFirst().orElseThrow()));
        ProjectModel model = (ProjectModel) fxGet(() -> home.openProperty().get());
        waitFor(() -> fxGet(() -> !model.entries().isEmpty()));
        return model;
    }

    private static io.vertx.core.json.JsonObject ok(LineChannel lane, Command command) {
        Reply reply = Blocking.await(lane.request(command));
        if (reply instanceof Reply.Ok ok) {
            return ok.object();
        }
        throw new IllegalStateException(command.word() + ": " + reply);
    }

    private static void fx(Runnable action) throws Exception {
        fxGet(() -> {
            action.run();
            return null;
        });
    }

    private static <T> T fxGet(java.util.concurrent.Callable<T> read) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(read.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    /** Polls a condition (a benchmark harness, not a test: it waits for the client, then measures). */
    private static void waitFor(Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("condition not met within 60 s");
            }
            Thread.sleep(2);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }

    private static double median(double[] values) {
        return percentile(values, 50);
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void report(String what, double value, double reference, String unit, String referenceName) {
        System.out.printf("%-62s %8.1f %s   reference (%s) %8.1f %s   ratio %.2f%n", what, value, unit, referenceName,
            reference, unit, value / reference);
    }
}
