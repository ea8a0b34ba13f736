package dev.huddle.system;

import dev.huddle.server.testing.Eventually;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * An X server of the test's own (Xvfb on a free display number, no TCP), and a window filling its
 * screen drawn by {@link ScreenPainter} in a JVM of its own (AWT reads {@code DISPLAY} once, from the
 * environment). Tests that need it are skipped, saying why, only where Xvfb is not installed.
 */
final class VirtualDisplay implements AutoCloseable {

    static final int WIDTH = 800;
    static final int HEIGHT = 600;

    final String name;
    private final List<Process> processes = new ArrayList<>();

    private VirtualDisplay(String name) {
        this.name = name;
    }

    /** Starts Xvfb, or skips the test when it is not installed. */
    static VirtualDisplay start() throws IOException {
        Path xvfb = Path.of("/usr/bin/Xvfb");
        Assumptions.assumeTrue(Files.isExecutable(xvfb), "no Xvfb: the screen-sharing test is SKIPPED. Install "
            + "xvfb (apt-get install xvfb; .ci/run does on CI) to run it.");
        int number = freeDisplayNumber();
        VirtualDisplay display = new VirtualDisplay(":" + number);
        display.processes.add(new ProcessBuilder(xvfb.toString(), display.name, "-screen", "0",
            WIDTH + "x" + HEIGHT + "x24", "-nolisten", "tcp").redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        Path socket = Path.of("/tmp/.X11-unix/X" + number);
        Eventually.assertThat(Duration.ofSeconds(20), () -> {
            if (!Files.exists(socket)) {
                throw new AssertionError("Xvfb " + display.name + " has not opened " + socket + " yet");
            }
        });
        return display;
    }

    private static int freeDisplayNumber() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int n = 100 + ThreadLocalRandom.current().nextInt(800);
            if (!Files.exists(Path.of("/tmp/.X" + n + "-lock")) && !Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                return n;
            }
        }
        throw new IllegalStateException("no free X display number between 100 and 900");
    }

    /** Starts {@link ScreenPainter} on this display, cycling through {@code VideoFiles.PALETTE}. */
    void paint() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            ScreenPainter.class.getName()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DISPLAY", name);
        processes.add(builder.start());
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes.reversed()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
