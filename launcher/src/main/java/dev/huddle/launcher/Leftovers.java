package dev.huddle.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Service processes a supervisor left behind (it was killed with SIGKILL, or the machine's other
 * checkout): found through run/&lt;service&gt;.pid, recognised by their command line, so a recycled pid
 * is never taken for a service.
 */
final class Leftovers {

    private Leftovers() {
    }

    /** A running service from an earlier supervisor, named with how to stop it. */
    static Optional<String> find(Layout layout) {
        for (String name : names(layout)) {
            Optional<ProcessHandle> process = process(layout, name);
            if (process.isPresent()) {
                return Optional.of(name + " is still running (pid " + process.get().pid() + ") from an earlier "
                    + "./huddle up; ./huddle down stops it.");
            }
        }
        return Optional.empty();
    }

    /** Stops the leftover services; how many there were. */
    static int stopAll(Layout layout) {
        int stopped = 0;
        for (String name : names(layout).reversed()) {
            Optional<ProcessHandle> process = process(layout, name);
            if (process.isEmpty()) {
                continue;
            }
            ProcessHandle handle = process.get();
            Output.line("Stopping " + name + " (pid " + handle.pid() + ")");
            handle.destroy();
            try {
                handle.onExit().get(Supervisor.STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception stillAlive) {
                Output.line(name + " did not stop within " + Supervisor.STOP_TIMEOUT.toSeconds() + "s; killing it");
                handle.destroyForcibly();
                handle.onExit().join();
            }
            stopped++;
        }
        return stopped;
    }

    /** The services in start order, then the further relays whose pid files are there (up --relays N). */
    private static List<String> names(Layout layout) {
        List<String> names = new ArrayList<>(HuddleServices.names());
        try (Stream<Path> files = Files.list(layout.runDir())) {
            files.map(f -> f.getFileName().toString())
                .filter(f -> f.matches(LauncherSettings.RELAY_SERVICE + "-[0-9]+\\.pid"))
                .sorted()
                .forEach(f -> names.add(f.substring(0, f.length() - ".pid".length())));
        } catch (IOException noRunDir) {
            // nothing started here yet
        }
        return names;
    }

    static Optional<ProcessHandle> process(Layout layout, String name) {
        Path pidFile = layout.pidFile(name);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        Optional<ProcessHandle> alive;
        try {
            alive = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(name)).orElse(true));
            if (alive.isEmpty()) {
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
        return alive;
    }

    /** The last lines of each service's console log, for a start-up that failed. */
    static List<String> consoleTails(Layout layout, List<String> names) {
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            Path console = layout.console(name);
            if (!Files.isRegularFile(console)) {
                continue;
            }
            try {
                List<String> all = Files.readAllLines(console);
                lines.add("----- last lines of " + layout.shown(console) + " -----");
                lines.addAll(all.subList(Math.max(0, all.size() - 25), all.size()));
            } catch (IOException unreadable) {
                lines.add("(cannot read " + console + ")");
            }
        }
        return lines;
    }

    static boolean waitForExit(long pid, Duration limit) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return true;
        }
        try {
            process.get().onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception stillAlive) {
            return false;
        }
    }
}
