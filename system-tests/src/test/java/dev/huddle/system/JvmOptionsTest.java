package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One JVM options file, jvm.options at the repository root, read by the image, the launcher and the
 * tests. (The launcher's side: PlanTest builds its command line, LauncherIT checks a running service's.)
 */
class JvmOptionsTest {

    private static final Path FILE = RepoFiles.root().resolve("jvm.options");

    @Test
    void theTestsRunWithEveryOptionOfTheFile() {
        List<String> options = options();
        assertThat(options).as("jvm.options").contains("--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC");
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
            .as("this test JVM's arguments (surefire's argLine reads @jvm.options)").containsAll(options);
    }

    @Test
    void theImageCopiesTheFileAndItsEntrypointReadsIt() {
        String dockerfile = RepoFiles.read(RepoFiles.root().resolve("Dockerfile"));
        assertThat(dockerfile).contains("cp jvm.options /out/jvm.options", "COPY --from=build /out/jvm.options /app/jvm.options");
        assertThat(Dockerfile.parse(RepoFiles.root().resolve("Dockerfile")).entrypoint())
            .startsWith("java", "@/app/jvm.options");
    }

    /** The options of the file: one a line, comments and blank lines skipped. */
    private static List<String> options() {
        return RepoFiles.lines(FILE).stream().map(line -> line.replaceAll("#.*$", "").trim())
            .filter(line -> !line.isEmpty()).toList();
    }
}
