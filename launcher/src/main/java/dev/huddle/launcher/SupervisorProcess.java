package dev.huddle.launcher;

import dev.huddle.server.config.Env;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The supervisor's life: check nothing is in the way → before-start steps → start the services in
 * order, each once the previous is healthy → answer requests and restart what dies → on Ctrl-C,
 * SIGTERM or {@code ./huddle down}, stop everything. In the foreground its output is the terminal;
 * detached ({@code up -d}) it is log/huddle.log.
 */
final class SupervisorProcess {

    private final Layout layout;
    private final Supervisor supervisor;
    private final CompletableFuture<Control.Reply> startup = new CompletableFuture<>();

    private SupervisorProcess(Layout layout, Supervisor supervisor) {
        this.layout = layout;
        this.supervisor = supervisor;
    }

    /** Runs until everything is stopped; the process exit code. */
    static int run(Layout layout, List<String> names, boolean foreground) throws IOException {
        Optional<String> blocked = Leftovers.find(layout);
        if (blocked.isPresent()) {
            Output.error(blocked.get());
            return 1;
        }
        Plan plan = Plan.of(HuddleServices.ALL, layout, Env.system(), Ports::free);
        names = plan.instancesOf(names);
        for (String name : names) {
            int port = plan.instance(name).httpPort();
            if (Ports.inUse(port)) {
                Output.error("port " + port + " (" + name + ") is already in use on this machine; stop whatever "
                    + "listens there first (or set HUDDLE_PORT_OFFSET).");
                return 1;
            }
        }
        SupervisorProcess process = new SupervisorProcess(layout,
            new Supervisor(layout, plan, Clock.systemUTC(), Output::event));
        return process.supervise(names, foreground);
    }

    private int supervise(List<String> names, boolean foreground) throws IOException {
        Control.Server control = Control.serve(layout.socket(), this::answer);
        Path pidFile = layout.pidFile("huddle");
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
        // Ctrl-C, SIGTERM, or the exit after 'down': the services stop first, the socket and pid file last
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            supervisor.shutdown().join();
            control.close();
            deleteQuietly(pidFile);
        }, "huddle-stop"));
        try {
            for (BeforeStart step : BeforeStart.STEPS) {
                step.prepare(layout);
            }
            supervisor.startAll(names).join();
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            List<String> lines = new ArrayList<>(List.of(cause.getMessage()));
            lines.addAll(Leftovers.consoleTails(layout,
                names.stream().filter(name -> String.valueOf(cause.getMessage()).startsWith(name)).toList()));
            Output.error(lines.get(0));
            lines.subList(1, lines.size()).forEach(System.err::println);
            startup.complete(new Control.Reply(false, lines));
            supervisor.shutdown().join();
            control.close();
            return 1;
        }
        List<String> table = readyTable(names);
        table.forEach(Output::line);
        startup.complete(Control.Reply.ok(table));
        if (foreground) {
            Output.line("Press Ctrl-C to stop them all. Another terminal: ./huddle status, ./huddle restart <service>.");
        }
        supervisor.stopped().join();
        control.close();
        return 0;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale pid file names a dead process, which the next ./huddle recognises
        }
    }

    private List<String> readyTable(List<String> names) {
        List<String> lines = new ArrayList<>(StatusTable.ports(
            names.stream().map(supervisor.plan()::instance).toList(), layout, supervisor.health()));
        lines.add("");
        lines.add("Cluster '" + layout.clusterName() + "'. Data (SQLite) under " + shownDir("data")
            + "<service>/, action logs under " + shownDir("log") + "<service>/<DD_MM_YYYY>/.");
        return lines;
    }

    private String shownDir(String name) {
        String shown = layout.shown(layout.stateDir().resolve(name));
        return shown.endsWith("/") ? shown : shown + "/";
    }

    private CompletableFuture<Control.Reply> answer(String request) {
        String[] words = request.split("\\s+");
        List<String> args = List.of(words).subList(1, words.length);
        return switch (words[0]) {
            case "status" -> supervisor.status().thenApply(rows -> Control.Reply.ok(StatusTable.status(rows, supervisor.health())));
            case "await" -> startup;
            case "start" -> startEach(args);
            case "restart" -> args.size() != 1
                ? CompletableFuture.completedFuture(Control.Reply.error("usage: restart <service>"))
                : supervisor.restart(args.get(0)).thenApply(took -> Control.Reply.ok(List.of(
                    args.get(0) + " restarted: healthy after " + StatusTable.duration(took))));
            case "down" -> supervisor.shutdown().thenApply(v -> Control.Reply.ok(List.of("Stopped.")));
            default -> CompletableFuture.completedFuture(Control.Reply.error("unknown request '" + words[0] + "'"));
        };
    }

    /** Starts the named services that are not running, one after the other. */
    private CompletableFuture<Control.Reply> startEach(List<String> services) {
        List<String> names = supervisor.plan().instancesOf(services);
        List<String> lines = new ArrayList<>();
        CompletableFuture<Void> chain = startup.thenAccept(ready -> { });
        for (String name : names) {
            chain = chain.thenCompose(v -> supervisor.start(name)).thenAccept(took -> lines.add(took.isZero()
                ? name + " is already running"
                : name + " started: healthy after " + StatusTable.duration(took)));
        }
        return chain.thenApply(v -> {
            lines.add("");
            lines.addAll(StatusTable.ports(names.stream().map(supervisor.plan()::instance).toList(), layout,
                supervisor.health()));
            return Control.Reply.ok(lines);
        });
    }
}
