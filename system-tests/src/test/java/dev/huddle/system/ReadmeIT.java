package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shell example of README.md runs, in order, in one shell, against a fresh {@code ./huddle up}
 * on the default ports, and prints what the README shows (by shape: {@link OutputShape}).
 *
 * <p>The run sees the checkout through a directory of symlinks, so {@code log/...} and {@code data/...}
 * in the examples are fresh and the developer's own are untouched; {@code HOME} is fresh too (the
 * CLI keeps its token there). As root it runs in a network namespace of its own, so the default
 * ports are free whatever else runs on the machine; otherwise they must be free. When it fails, the
 * whole transcript is in target/readme-actual.txt.
 */
class ReadmeIT {

    private static final Set<String> NOT_LINKED = Set.of(".git", "data", "log", "run", "target");
    private static final int[] DEFAULT_PORTS = {8081, 8082, 8083, 7000, 5701, 5702, 5703};
    private static final String MARK = "@@README-EXAMPLE ";

    @Test
    void everyShellExampleRunsInOrderAndPrintsWhatTheReadmeShows(@TempDir Path dir) throws Exception {
        Path root = RepoFiles.root();
        ReadmeExamples readme = ReadmeExamples.parse(RepoFiles.lines(root.resolve("README.md")));
        assertThat(readme.examples()).as("README.md ```console examples").hasSizeGreaterThan(10);
        for (String command : readme.setupCommands()) {
            assertThat(ReadmeExamples.SETUP_COMMANDS).as("a ```sh command the README test does not run: " + command)
                .anyMatch(command::startsWith);
        }

        Path checkout = linkedCheckout(root, dir.resolve("huddle"));
        Path script = dir.resolve("readme.sh");
        Files.writeString(script, script(readme, dir));
        String transcript = run(script, checkout, dir.resolve("home"));

        List<String> failures = new ArrayList<>();
        String[] outputs = transcript.split("\n?" + MARK);
        assertThat(outputs[0]).as("./huddle up -d before the examples").doesNotContain("@@UP-FAILED");
        for (int i = 0; i < readme.examples().size(); i++) {
            ReadmeExamples.Example example = readme.examples().get(i);
            List<String> actual = i + 1 < outputs.length
                ? List.of(outputs[i + 1].split("\n", -1)).subList(1, outputs[i + 1].split("\n", -1).length)
                : List.of("(the run ended before this example)");
            String mismatch = OutputShape.mismatch(example.expected(), actual);
            if (mismatch != null) {
                failures.add("README.md:" + example.line() + " $ " + example.command() + "\n  " + mismatch
                    + "\n  whole output:\n    " + String.join("\n    ", actual));
            }
        }
        if (!failures.isEmpty()) {
            Files.writeString(root.resolve("system-tests/target/readme-actual.txt"), transcript);
        }
        assertThat(failures).as("README examples whose output differs (transcript: system-tests/target/readme-actual.txt)")
            .isEmpty();
    }

    /** One shell for all examples, so variables set by one ($TOKEN) reach the next. */
    private static String script(ReadmeExamples readme, Path dir) {
        StringBuilder script = new StringBuilder("""
            set -u
            ./huddle up -d >"%s/up.log" 2>&1 || { echo "@@UP-FAILED"; cat "%s/up.log"; exit 1; }
            """.formatted(dir, dir));
        int index = 0;
        for (ReadmeExamples.Example example : readme.examples()) {
            // a group, so that a here document's end line stays alone on its line
            script.append("printf '\\n").append(MARK).append(index++).append("\\n'\n{\n")
                .append(example.command()).append("\n} 2>&1\n");
        }
        script.append("printf '\\n").append(MARK).append("end\\n'\n./huddle down >/dev/null 2>&1\n");
        return script.toString();
    }

    private static String run(Path script, Path checkout, Path home) throws IOException, InterruptedException {
        Files.createDirectories(home);
        List<String> command = new ArrayList<>();
        Path ip = executable("ip");
        Path unshare = executable("unshare");
        if (isRoot() && ip != null && unshare != null) {
            command.addAll(List.of(unshare.toString(), "--net", "bash", "-c", ip + " link set lo up && exec bash \"$0\"",
                script.toString()));
        } else {
            for (int port : DEFAULT_PORTS) {
                assertThat(isFree(port)).as("the README uses the default ports; " + port + " is taken").isTrue();
            }
            command.addAll(List.of("bash", script.toString()));
        }
        Path output = script.resolveSibling("transcript.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile())
            .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("HUDDLE_"));
        builder.environment().put("HOME", home.toString());
        builder.environment().put("HUDDLE_NO_BUILD", "1");
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(6, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the README examples did not finish within 6 minutes:\n" + Files.readString(output));
        }
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    private static Path linkedCheckout(Path root, Path view) throws IOException {
        Files.createDirectories(view);
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                if (!NOT_LINKED.contains(entry.getFileName().toString())) {
                    Files.createSymbolicLink(view.resolve(entry.getFileName()), entry);
                }
            }
        }
        return view;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The program from PATH or the sbin directories (ip lives there), or null. */
    private static Path executable(String name) {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")),
                Stream.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"))
            .filter(dir -> !dir.isEmpty())
            .map(dir -> Path.of(dir, name))
            .filter(Files::isExecutable)
            .findFirst().orElse(null);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
