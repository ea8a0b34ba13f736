package dev.huddle.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the services as child processes and keeps them running: a service that dies after it had
 * been healthy is started again after a back-off ({@link Backoff}), and says so. One thread owns all
 * state; the public methods hand their work to it and answer with futures.
 */
final class Supervisor {

    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(90);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration HEALTH_POLL = Duration.ofMillis(300);

    private final Layout layout;
    private final Plan plan;
    private final Clock clock;
    private final Consumer<String> out;
    private final HealthProbe health = HealthProbe.of(dev.huddle.server.config.Env.system());
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "huddle-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Managed> managed = new LinkedHashMap<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private boolean stopping;

    /** A service's process and history; touched only on the supervisor thread. */
    private static final class Managed {
        final Instance instance;
        final Backoff backoff = new Backoff();
        Process process;
        Instant startedAt;
        int restarts;
        String state = "stopped";
        boolean wanted;
        /** Healthy at least once: from then on a death means a restart, not a failed start. */
        boolean supervised;
        ScheduledFuture<?> pendingRestart;

        Managed(Instance instance) {
            this.instance = instance;
        }
    }

    Supervisor(Layout layout, Plan plan, Clock clock, Consumer<String> out) {
        this.layout = layout;
        this.plan = plan;
        this.clock = clock;
        this.out = out;
        plan.instances().forEach(i -> managed.put(i.name(), new Managed(i)));
    }

    Plan plan() {
        return plan;
    }

    /** Completes once {@link #shutdown()} has stopped every service. */
    CompletableFuture<Void> stopped() {
        return stopped;
    }

    /** Starts the services one after the other, each once the previous one is healthy. */
    CompletableFuture<Void> startAll(List<String> names) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String name : names) {
            chain = chain.thenCompose(v -> start(name).thenAccept(took -> { }));
        }
        return chain;
    }

    /** Starts a service unless it runs; completes with the time it took to turn healthy. */
    CompletableFuture<Duration> start(String name) {
        return onLoop(() -> {
            Managed m = managed(name);
            if (m.process != null && m.process.isAlive()) {
                return CompletableFuture.completedFuture(Duration.ZERO);
            }
            if (m.pendingRestart != null) {
                m.pendingRestart.cancel(false);
            }
            m.wanted = true;
            out.accept("Starting " + name + " (log: " + layout.shown(layout.console(name)) + ")");
            return launch(m);
        });
    }

    /** Stops a service and starts it again; completes when it is healthy. */
    CompletableFuture<Duration> restart(String name) {
        return stop(name).thenCompose(v -> onLoop(() -> {
            Managed m = managed(name);
            m.restarts++;
            m.wanted = true;
            out.accept("Restarting " + name);
            return launch(m);
        }));
    }

    /** SIGTERM, then SIGKILL after {@link #STOP_TIMEOUT}. */
    CompletableFuture<Void> stop(String name) {
        return onLoop(() -> {
            Managed m = managed(name);
            m.wanted = false;
            if (m.pendingRestart != null) {
                m.pendingRestart.cancel(false);
            }
            Process process = m.process;
            if (process == null || !process.isAlive()) {
                m.state = "stopped";
                return CompletableFuture.completedFuture(null);
            }
            out.accept("Stopping " + name + " (pid " + process.pid() + ")");
            m.state = "stopping";
            process.destroy();
            return process.onExit()
                .completeOnTimeout(null, STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .thenApply(p -> {
                    if (process.isAlive()) {
                        out.accept(name + " did not stop within " + STOP_TIMEOUT.toSeconds() + "s; killing it");
                        process.destroyForcibly();
                    }
                    return process.onExit().join();
                })
                .thenAccept(p -> { });
        });
    }

    /** Stops every service, last started first; then {@link #stopped()} completes. */
    CompletableFuture<Void> shutdown() {
        return onLoop(() -> {
            stopping = true;
            List<String> names = new ArrayList<>(managed.keySet());
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (int i = names.size() - 1; i >= 0; i--) {
                String name = names.get(i);
                chain = chain.thenCompose(v -> stop(name));
            }
            return chain.whenComplete((v, e) -> stopped.complete(null));
        });
    }

    /** One row per known service, health asked of each running one. */
    /** How the services' health is asked, and at which URLs. */
    HealthProbe health() {
        return health;
    }

    CompletableFuture<List<StatusTable.Row>> status() {
        return onLoop(() -> {
            List<CompletableFuture<StatusTable.Row>> rows = new ArrayList<>();
            Instant now = clock.instant();
            for (Managed m : managed.values()) {
                boolean alive = m.process != null && m.process.isAlive();
                Duration uptime = alive ? Duration.between(m.startedAt, now) : null;
                Long pid = alive ? m.process.pid() : null;
                String state = m.state;
                int restarts = m.restarts;
                Instance instance = m.instance;
                rows.add(health.isUp(instance.httpPort())
                    .thenApply(up -> new StatusTable.Row(instance, state, pid, uptime, restarts, up)));
            }
            return CompletableFuture.allOf(rows.toArray(CompletableFuture[]::new))
                .thenApply(v -> rows.stream().map(CompletableFuture::join).toList());
        });
    }

    // ------------------------------------------------------------------ on the supervisor thread

    private Managed managed(String name) {
        Managed m = managed.get(name);
        if (m == null) {
            throw new IllegalArgumentException("unknown service '" + name + "' (services: "
                + String.join(", ", managed.keySet()) + ")");
        }
        return m;
    }

    private CompletableFuture<Duration> launch(Managed m) {
        String name = m.instance.name();
        String module = m.instance.service().name();
        Path jar = layout.jar(module);
        if (jar == null) {
            m.state = "failed";
            return CompletableFuture.failedFuture(new IllegalStateException(
                name + " is not built: " + module + "/target has no jar (./huddle build)"));
        }
        Process process;
        try {
            process = spawn(m.instance, jar);
        } catch (IOException e) {
            m.state = "failed";
            return CompletableFuture.failedFuture(new UncheckedIOException("cannot start " + name, e));
        }
        m.process = process;
        m.startedAt = clock.instant();
        m.state = "starting";
        process.onExit().thenAcceptAsync(p -> exited(m, p), loop);
        CompletableFuture<Duration> healthy = new CompletableFuture<>();
        pollHealth(m, process, healthy);
        return healthy;
    }

    private Process spawn(Instance instance, Path jar) throws IOException {
        String name = instance.name();
        Files.createDirectories(layout.logDir(name));
        Files.createDirectories(layout.dataDir(name));
        Files.createDirectories(layout.runDir());
        Path console = layout.console(name);
        Files.writeString(console, "===== " + clock.instant() + " ./huddle: starting " + name + " =====\n",
            StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(instance.command(layout, jar))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(instance.environment(layout, plan.members()));
        Process process = builder.start();
        Files.writeString(layout.pidFile(name), process.pid() + "\n");
        return process;
    }

    private void pollHealth(Managed m, Process process, CompletableFuture<Duration> healthy) {
        Duration took = Duration.between(m.startedAt, clock.instant());
        if (m.process != process || !process.isAlive()) {
            healthy.completeExceptionally(new IllegalStateException(m.instance.name() + " exited during start-up"
                + (process.isAlive() ? "" : " (exit code " + process.exitValue() + ")")));
            return;
        }
        if (took.compareTo(HEALTH_TIMEOUT) > 0) {
            m.state = "unhealthy";
            healthy.completeExceptionally(new IllegalStateException(m.instance.name() + " did not report healthy on "
                + health.url(m.instance.httpPort()) + " within " + HEALTH_TIMEOUT.toSeconds() + "s"));
            return;
        }
        health.isUp(m.instance.httpPort()).thenAcceptAsync(up -> {
            if (up && m.process == process) {
                m.state = "running";
                m.supervised = true;
                healthy.complete(took);
            } else {
                loop.schedule(() -> pollHealth(m, process, healthy), HEALTH_POLL.toMillis(), TimeUnit.MILLISECONDS);
            }
        }, loop);
    }

    private void exited(Managed m, Process process) {
        if (m.process != process) {
            return;
        }
        String name = m.instance.name();
        try {
            Files.deleteIfExists(layout.pidFile(name));
        } catch (IOException ignored) {
            // a stale pid file names a dead pid, which ./huddle down recognises
        }
        if (stopping || !m.wanted || !m.supervised) {
            m.state = m.wanted && !stopping ? "failed" : "stopped";
            return;
        }
        Duration uptime = Duration.between(m.startedAt, clock.instant());
        Duration delay = m.backoff.afterRun(uptime);
        m.restarts++;
        m.state = "restarting";
        out.accept(name + " exited (exit code " + process.exitValue() + ") after " + StatusTable.duration(uptime)
            + "; restarting it in " + StatusTable.duration(delay) + " (restart " + m.restarts + "; log: "
            + layout.shown(layout.console(name)) + ")");
        m.pendingRestart = loop.schedule(() -> relaunch(m), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void relaunch(Managed m) {
        m.pendingRestart = null;
        if (stopping || !m.wanted) {
            return;
        }
        String name = m.instance.name();
        launch(m).whenComplete((took, failure) -> {
            if (failure == null) {
                out.accept(name + " is back: healthy after " + StatusTable.duration(took));
            } else {
                out.accept(name + " did not come back: " + failure.getMessage());
            }
        });
    }

    private <T> CompletableFuture<T> onLoop(java.util.function.Supplier<CompletableFuture<T>> work) {
        return CompletableFuture.supplyAsync(work, loop).thenCompose(f -> f);
    }
}
