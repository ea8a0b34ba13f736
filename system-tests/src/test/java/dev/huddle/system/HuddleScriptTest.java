package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.huddle.server.config.ServiceDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ./huddle runs the known services on their default ports with the same JVM flags as the images.
 * Its service list is the {@code SERVICES=( ... )} array, one {@code "<module> <http port> [<port>/<proto> ...]"}
 * a line.
 */
class HuddleScriptTest {

    private static Path root;
    private static Path script;
    private static List<String> scriptLines;

    @BeforeAll
    static void load() {
        root = RepoFiles.root();
        script = root.resolve("huddle");
        scriptLines = RepoFiles.lines(script);
    }

    @Test
    void scriptIsExecutable() {
        assertThat(script).isRegularFile();
        assertThat(Files.isExecutable(script)).as("./huddle is executable").isTrue();
    }

    @Test
    void servicesAreExactlyTheKnownServices() {
        assertThat(new TreeSet<>(scriptServices().keySet())).as("SERVICES in ./huddle")
            .isEqualTo(KnownServices.ALL.stream().map(ServiceDescriptor::name)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @ParameterizedTest
    @MethodSource("dev.huddle.system.KnownServices#arguments")
    void listsTheServiceWithItsDefaultPorts(ServiceDescriptor service) {
        List<String> words = scriptServices().get(service.name());
        assertThat(words).as("./huddle SERVICES entry for " + service.name()).isNotNull();
        List<String> ports = new ArrayList<>();
        ports.add(words.get(0));
        words.subList(1, words.size()).forEach(p -> ports.add(RepoFiles.normalizePort(p)));
        assertThat(words.get(0)).as(service.name() + " HTTP port in ./huddle")
            .isEqualTo(Integer.toString(service.defaultHttpPort()));
        assertThat(new TreeSet<>(ports)).as(service.name() + " ports in ./huddle")
            .isEqualTo(RepoFiles.publishedPorts(service));
    }

    @ParameterizedTest
    @MethodSource("dev.huddle.system.KnownServices#arguments")
    void dockerfileRunsTheJvmWithTheSameFlags(ServiceDescriptor service) {
        List<String> flags = RepoFiles.huddleArrayWords("JVM_FLAGS");
        assertThat(flags).as("JVM_FLAGS in ./huddle").isNotEmpty();
        List<String> entrypoint = Dockerfile.parse(root.resolve(service.name()).resolve("Dockerfile")).entrypoint();
        assertThat(entrypoint).as(service.name() + "/Dockerfile ENTRYPOINT").startsWith("java").contains("-jar");
        assertThat(Collections.indexOfSubList(entrypoint, flags))
            .as(service.name() + "/Dockerfile ENTRYPOINT " + entrypoint + " has ./huddle's JVM_FLAGS " + flags)
            .isGreaterThanOrEqualTo(0);
    }

    @Test
    void shellScriptsParse() throws Exception {
        assumeTrue(bashAvailable(), "bash is not installed");
        for (String file : List.of("huddle", "scripts/find-jdk.sh", ".ci/run")) {
            assertThat(bash("-n", file).exitCode).as("bash -n " + file).isZero();
        }
    }

    @Test
    void helpNamesEveryService() throws Exception {
        assumeTrue(bashAvailable(), "bash is not installed");
        Result help = bash("huddle", "help");
        assertThat(help.exitCode).as("./huddle help: " + help.output).isZero();
        for (ServiceDescriptor service : KnownServices.ALL) {
            assertThat(help.output).contains(service.name());
        }
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

    // ------------------------------------------------------------------ parsing ./huddle

    /** SERVICES entries by module name: the remaining words (HTTP port first). */
    private static Map<String, List<String>> scriptServices() {
        Map<String, List<String>> services = new LinkedHashMap<>();
        for (String entry : RepoFiles.huddleArrayLines("SERVICES")) {
            List<String> words = Arrays.asList(entry.replace("\"", "").trim().split("\\s+"));
            assertThat(words.size()).as("./huddle SERVICES entry '" + entry + "' has a port")
                .isGreaterThanOrEqualTo(2);
            assertThat(services.put(words.get(0), words.subList(1, words.size())))
                .as("./huddle lists " + words.get(0) + " once").isNull();
        }
        return services;
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
