package dev.huddle.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./huddle up -d}: the supervisor as a background process of its own session (log/huddle.log),
 * and this command waiting until it reports the services healthy or failed.
 */
final class Detached {

    private static final Duration SOCKET_WAIT = Duration.ofSeconds(30);

    private Detached() {
    }

    static int start(Layout layout, List<String> names) throws IOException, InterruptedException {
        Path log = layout.supervisorLog();
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        if (Path.of("/usr/bin/setsid").toFile().canExecute()) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of(layout.java(), "-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1",
            "-cp", System.getProperty("java.class.path"), Main.class.getName(), "supervise"));
        command.addAll(names);
        Process supervisor = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
        Output.line("Starting " + String.join(", ", names) + " in the background (supervisor log: "
            + layout.shown(log) + ")");
        Instant deadline = Instant.now().plus(SOCKET_WAIT);
        while (Instant.now().isBefore(deadline)) {
            Optional<Control.Reply> ready = Control.send(layout.socket(), "await");
            if (ready.isPresent()) {
                if (!ready.get().ok()) {
                    ready.get().lines().forEach(line -> System.err.println("huddle: " + line));
                    return 1;
                }
                ready.get().lines().forEach(Output::line);
                Output.line("Running in the background: ./huddle status, ./huddle restart <service>, ./huddle down.");
                return 0;
            }
            if (!supervisor.isAlive()) {
                Output.error("the supervisor exited (" + supervisor.exitValue() + "); see " + layout.shown(log));
                List<String> all = Files.readAllLines(log);
                all.subList(Math.max(0, all.size() - 15), all.size()).forEach(System.err::println);
                return 1;
            }
            supervisor.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        Output.error("the supervisor did not open " + layout.shown(layout.socket()) + " within "
            + SOCKET_WAIT.toSeconds() + "s; see " + layout.shown(log));
        return 1;
    }
}
