package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ./huddle and the CI scripts: executable, parse, answer help and refuse what they do not know. */
class HuddleScriptTest {

    private static Path root;
    private static Path script;

    @BeforeAll
    static void load() {
        root = RepoFiles.root();
        script = root.resolve("huddle");
    }

    @Test
    void scriptIsExecutable() {
        assertThat(script).isRegularFile();
        assertThat(Files.isExecutable(script)).as("./huddle is executable").isTrue();
    }

    @Test
    void shellScriptsParse() throws Exception {
        assumeTrue(bashAvailable(), "bash is not installed");
        for (String file : List.of("huddle", "scripts/find-jdk.sh", "scripts/test-suite.sh", ".ci/run",
            ".ci/base-images", ".ci/compose-stage")) {
            assertThat(bash("-n", file).exitCode).as("bash -n " + file).isZero();
        }
    }

    @Test
    void helpNamesEveryCommand() throws Exception {
        assumeTrue(bashAvailable(), "bash is not installed");
        Result help = bash("huddle", "help");
        assertThat(help.exitCode).as("./huddle help: " + help.output).isZero();
        assertThat(help.output).contains("up [-d] [--relays N] [service...]", "restart <service>", "status", "down",
            "test [fast|e2e]", "credentials [show|ensure|rotate]", "client");
    }

    @Test
    void unknownCommandOrServiceIsAUsageError() throws Exception {
        assumeTrue(bashAvailable(), "bash is not installed");
        Result unknown = bash("huddle", "no-such-command");
        assertThat(unknown.exitCode).isEqualTo(2);
        assertThat(unknown.output).contains("unknown command 'no-such-command'");
        Result logs = bash("huddle", "logs", "no-such-service");
        assertThat(logs.exitCode).isEqualTo(2);
        assertThat(logs.output).contains("unknown service 'no-such-service'");
    }

    // ------------------------------------------------------------------ running bash

    private record Result(int exitCode, String output) {
    }

    private static boolean bashAvailable() {
        try {
            return bash("-c", "true").exitCode == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Result bash(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("bash");
        command.addAll(List.of(args));
        Path output = Files.createTempFile("huddle-script-test", ".out");
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("bash " + String.join(" ", args) + " did not finish within 30 s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
