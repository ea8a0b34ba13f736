package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.server.config.NodeConfig;
import dev.huddle.server.config.ServiceDescriptor;
import dev.huddle.server.config.Setting;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml and the services' Dockerfiles agree with what the services read: the services
 * in {@link KnownServices#ALL} (add new ones there), their ports, their settings and their volumes.
 */
class ComposeFileTest {

    private static Path root;
    private static Map<String, Object> compose;
    private static Map<String, Object> services;

    @BeforeAll
    static void load() throws IOException {
        root = RepoFiles.root();
        try (Reader reader = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
            compose = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader), "docker-compose.yml");
        }
        services = map(compose.get("services"), "services");
    }

    /** The one-shot that makes the cluster credentials before any service starts (docs/SECURITY.md). */
    private static final String CREDENTIALS_INIT = "cluster-credentials";
    private static final String CREDENTIALS_DIR = "/var/lib/huddle-cluster";

    @Test
    void composeServicesAreExactlyTheKnownServicesAndTheCredentialsOneShot() {
        Set<String> known = KnownServices.ALL.stream().map(ServiceDescriptor::name)
            .collect(Collectors.toCollection(TreeSet::new));
        known.add(CREDENTIALS_INIT);
        assertThat(new TreeSet<>(services.keySet()))
            .as("services in docker-compose.yml (KnownServices.ALL lists the service descriptors)")
            .isEqualTo(known);
    }

    @Test
    void theCredentialsOneShotAloneHoldsTheCaKeyAndReachesNoNetwork() {
        Map<String, Object> init = map(services.get(CREDENTIALS_INIT), "services." + CREDENTIALS_INIT);
        assertThat(init.get("network_mode")).isEqualTo("none");
        assertThat(list(init.get("entrypoint"), "entrypoint").toString())
            .contains("dev.huddle.server.trust.ClusterCredentials");
        assertThat(list(init.get("command"), "command").stream().map(String::valueOf).toList())
            .contains("ensure", CREDENTIALS_DIR);
        for (ServiceDescriptor service : KnownServices.ALL) {
            for (Object volume : list(service(service).get("volumes"), service.name() + ".volumes")) {
                assertThat(mount(volume)[0]).as(service.name() + " mounts the CA's volume").isNotEqualTo("cluster-ca");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.huddle.system.KnownServices#arguments")
    void startsAfterTheCredentialsExistAndReadsThemReadOnly(ServiceDescriptor service) {
        Map<String, Object> dependsOn = map(service(service).get("depends_on"), service.name() + ".depends_on");
        assertThat(map(dependsOn.get(CREDENTIALS_INIT), CREDENTIALS_INIT).get("condition"))
            .isEqualTo("service_completed_successfully");
        assertThat(composeEnvironment(service)).containsEntry(NodeConfig.CLUSTER_CREDENTIALS.name(), CREDENTIALS_DIR);
        assertThat(list(service(service).get("volumes"), service.name() + ".volumes").stream().map(String::valueOf)
            .toList()).contains("cluster-credentials:" + CREDENTIALS_DIR + ":ro");
    }

    @ParameterizedTest
    @MethodSource("dev.huddle.system.KnownServices#arguments")
    void buildsTheOneDockerfileWithTheServiceAsBuildArgument(ServiceDescriptor service) {
        Map<String, Object> build = map(service(service).get("build"), service.name() + ".build");
        assertThat(build.get("context")).as(service.name() + ".build.context").isEqualTo(".");
        assertThat(build.getOrDefault("dockerfile", "Dockerfile")).as(service.name() + ".build.dockerfile")
            .isEqualTo("Dockerfile");
        Map<String, Object> args = map(build.get("args"), service.name() + ".build.args");
        assertThat(args.get("SERVICE")).as(service.name() + ".build.args.SERVICE").isEqualTo(service.name());
        assertThat(String.valueOf(args.get("HTTP_PORT"))).as(service.name() + ".build.args.HTTP_PORT")
            .isEqualTo(Integer.toString(service.defaultHttpPort()));
        assertThat(service(service).get("image")).as(service.name() + ".image").isEqualTo("huddle/" + service.name());
    }

    @ParameterizedTest
    @MethodSource("dev.huddle.system.KnownServices#arguments")
    void setsOnlyVariablesTheServiceReads(ServiceDescriptor service) {
        Set<String> readByService = settingNames(service);
        Map<String, String> env = composeEnvironment(service);
        assertThat(env.keySet()).as(service.name() + ": environment in docker-compose.yml vs the settings "
            + "the service reads (NodeConfig.SETTINGS, HUDDLE_HTTP_PORT, its own)").isSubsetOf(readByService);
        assertThat(dockerfile(service).environment().keySet())
            .as("Dockerfile: ENV variables vs the settings " + service.name() + " reads")
            .isSubsetOf(readByService);
    }

    @ParameterizedTest
    @MethodSource("dev.huddle.system.KnownServices#arguments")
    void publishesTheServicePortsAndNothingElse(ServiceDescriptor service) {
        List<String> containerPorts = new ArrayList<>();
        for (Object port : list(service(service).get("ports"), service.name() + ".ports")) {
            containerPorts.add(containerPort(port));
        }
        assertThat(new TreeSet<>(containerPorts)).as(service.name() + ": published container ports")
            .isEqualTo(RepoFiles.publishedPorts(service));

        String composeHttpPort = composeEnvironment(service).get(service.httpPort().name());
        if (composeHttpPort != null) {
            assertThat(composeHttpPort).as(service.name() + ": HUDDLE_HTTP_PORT in docker-compose.yml")
                .isEqualTo(Integer.toString(service.defaultHttpPort()));
        }
    }

    @Test
    void theDockerfileRunsAnyServiceAsNonRootWithTheSharedJvmOptionsAndChecksHealth() {
        Dockerfile dockerfile = Dockerfile.parse(root.resolve("Dockerfile"));
        assertThat(dockerfile.exposedPorts()).as("Dockerfile: EXPOSE").contains("${http_port}", "5701");
        assertThat(dockerfile.environment()).as("Dockerfile: ENV").containsEntry("HUDDLE_HTTP_PORT", "${HTTP_PORT}");

        List<String> users = dockerfile.runtime("USER");
        assertThat(users).as("Dockerfile: USER in the runtime stage").isNotEmpty();
        String user = users.get(users.size() - 1).split(":")[0].trim();
        assertThat(user).as("Dockerfile: runtime USER").isNotIn("root", "0");

        assertThat(dockerfile.runtime("HEALTHCHECK")).as("Dockerfile: HEALTHCHECK")
            .anySatisfy(check -> assertThat(check).contains("CMD").contains("${HUDDLE_HTTP_PORT}/health"));
        assertThat(dockerfile.entrypoint()).as("Dockerfile: ENTRYPOINT runs java with jvm.options")
            .containsExactly("java", "@/app/jvm.options", "-jar", "/app/service.jar");
    }

    @Test
    void noServiceKeepsADockerfileOfItsOwn() {
        for (ServiceDescriptor service : KnownServices.ALL) {
            assertThat(root.resolve(service.name()).resolve("Dockerfile")).as("one image recipe: the root Dockerfile")
                .doesNotExist();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.huddle.system.KnownServices#arguments")
    void hasAHealthcheckOnHealth(ServiceDescriptor service) {
        Map<String, Object> healthcheck = map(service(service).get("healthcheck"), service.name() + ".healthcheck");
        assertThat(healthcheck.get("disable")).as(service.name() + ".healthcheck.disable").isNotEqualTo(true);
        Object test = healthcheck.get("test");
        String command = test instanceof List<?> words
            ? words.stream().map(String::valueOf).collect(Collectors.joining(" "))
            : String.valueOf(test);
        assertThat(command).as(service.name() + ".healthcheck.test")
            .containsAnyOf(":" + service.defaultHttpPort() + "/health", "${HUDDLE_HTTP_PORT}/health");
    }

    @ParameterizedTest
    @MethodSource("dev.huddle.system.KnownServices#arguments")
    void mountsVolumesAtTheDataAndLogDirectories(ServiceDescriptor service) {
        Map<String, String> imageEnv = dockerfile(service).environment();
        Map<String, String> composeEnv = composeEnvironment(service);
        Set<String> targets = new TreeSet<>();
        for (Object volume : list(service(service).get("volumes"), service.name() + ".volumes")) {
            String[] mount = mount(volume);
            targets.add(mount[1]);
            boolean named = !mount[0].startsWith(".") && !mount[0].startsWith("/") && !mount[0].startsWith("~");
            if (named) {
                assertThat(map(compose.get("volumes"), "volumes")).as("top-level volumes")
                    .containsKey(mount[0]);
            }
        }
        for (Setting<?> dir : List.of(NodeConfig.DATA_DIR, NodeConfig.LOG_DIR)) {
            String path = composeEnv.getOrDefault(dir.name(), imageEnv.get(dir.name()));
            assertThat(path).as(service.name() + ": " + dir.name() + " set in the Dockerfile (or compose)")
                .isNotBlank();
            assertThat(targets).as(service.name() + ": a volume at " + dir.name() + " = " + path).contains(path);
        }
    }

    // ------------------------------------------------------------------ compose helpers

    private static Map<String, Object> service(ServiceDescriptor service) {
        return map(services.get(service.name()), "services." + service.name());
    }

    private static Dockerfile dockerfile(ServiceDescriptor service) {
        Path file = root.resolve("Dockerfile");
        assertThat(file).as("Dockerfile (every service's image, SERVICE=" + service.name() + ")").isRegularFile();
        return Dockerfile.parse(file);
    }

    private static Set<String> settingNames(ServiceDescriptor service) {
        return service.allSettings().stream().map(Setting::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The service's environment, from the map form or the list form ({@code K=V} or {@code K}). */
    private static Map<String, String> composeEnvironment(ServiceDescriptor service) {
        Object environment = service(service).get("environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (environment == null) {
            return env;
        }
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
            return env;
        }
        for (Object item : list(environment, service.name() + ".environment")) {
            String text = String.valueOf(item);
            int eq = text.indexOf('=');
            env.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? null : text.substring(eq + 1));
        }
        return env;
    }

    /** The container side of a ports entry: {@code "8081:8081"}, {@code "10000-10009:10000/udp"} or long form. */
    private static String containerPort(Object port) {
        if (port instanceof Map<?, ?> longForm) {
            Object protocol = longForm.get("protocol");
            return RepoFiles.normalizePort(longForm.get("target") + (protocol == null ? "" : "/" + protocol));
        }
        String text = String.valueOf(port);
        String protocol = "";
        int slash = text.indexOf('/');
        if (slash >= 0) {
            protocol = text.substring(slash);
            text = text.substring(0, slash);
        }
        return RepoFiles.normalizePort(text.substring(text.lastIndexOf(':') + 1) + protocol);
    }

    /** {source, target} of a volumes entry: {@code "name:/path[:mode]"} or long form. */
    private static String[] mount(Object volume) {
        if (volume instanceof Map<?, ?> longForm) {
            return new String[] {String.valueOf(longForm.get("source")), String.valueOf(longForm.get("target"))};
        }
        String[] parts = String.valueOf(volume).split(":");
        assertThat(parts.length).as("volume '" + volume + "' as source:target").isGreaterThanOrEqualTo(2);
        return new String[] {parts[0], parts[1]};
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what + " (a mapping)").isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value, String what) {
        assertThat(value).as(what + " (a list)").isInstanceOf(List.class);
        return (List<?>) value;
    }
}
