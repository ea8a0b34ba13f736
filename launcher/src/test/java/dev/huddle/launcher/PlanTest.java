package dev.huddle.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.server.config.Env;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanTest {

    private static final Path ROOT = Path.of("/srv/huddle");

    @Test
    void everyServiceGetsItsDefaultPortsAndTheNextFreeHazelcastPort() {
        Plan plan = Plan.of(HuddleServices.ALL, layout(0), Env.of(Map.of()), port -> port != 5702);
        assertThat(plan.instances()).extracting(Instance::name).containsExactly("auth-service", "room-service",
            "chat-service", "media-relay");
        assertThat(plan.instance("auth-service").httpPort()).isEqualTo(8081);
        assertThat(plan.instance("auth-service").clusterPort()).isEqualTo(5701);
        assertThat(plan.instance("room-service").clusterPort()).as("5702 is taken").isEqualTo(5703);
        assertThat(plan.instance("chat-service").otherPorts()).containsEntry("HUDDLE_CHAT_LINE_PORT", 7000);
        assertThat(plan.members()).isEqualTo("127.0.0.1:5701,127.0.0.1:5703,127.0.0.1:5704,127.0.0.1:5705");
    }

    @Test
    void furtherRelaysRunOnTheRelaysPortsPlusOneEachWithTheirOwnDirectories() {
        Layout layout = layout(0);
        Plan plan = Plan.of(HuddleServices.ALL, layout, Env.of(Map.of("HUDDLE_RELAYS", "3")), port -> true);
        assertThat(plan.names()).containsExactly("auth-service", "room-service", "chat-service", "media-relay",
            "media-relay-2", "media-relay-3");
        Instance third = plan.instance("media-relay-3");
        assertThat(third.service().name()).isEqualTo("media-relay");
        assertThat(third.httpPort()).isEqualTo(8086);
        assertThat(third.otherPortsText()).isEqualTo("10002/udp");
        assertThat(third.environment(layout, plan.members())).containsEntry("HUDDLE_RELAY_UDP_PORT", "10002")
            .containsEntry("HUDDLE_DATA_DIR", "/srv/huddle/data/media-relay-3");
        assertThat(plan.instancesOf(List.of("media-relay"))).containsExactly("media-relay", "media-relay-2",
            "media-relay-3");
    }

    @Test
    void theOffsetMovesEveryPort() {
        Plan plan = Plan.of(HuddleServices.ALL, layout(100), Env.of(Map.of()), port -> true);
        Instance chat = plan.instance("chat-service");
        assertThat(chat.httpPort()).isEqualTo(8183);
        assertThat(chat.otherPortsText()).isEqualTo("7100/tcp");
        assertThat(chat.clusterPort()).isEqualTo(5803);
    }

    @Test
    void aServiceIsStartedWithItsPortsDirectoriesTheClusterAndTheSharedJvmOptions() {
        Layout layout = layout(0);
        Plan plan = Plan.of(HuddleServices.ALL, layout, Env.of(Map.of()), port -> true);
        Instance chat = plan.instance("chat-service");
        Map<String, String> env = chat.environment(layout, plan.members());
        assertThat(env).containsEntry("HUDDLE_HTTP_PORT", "8083").containsEntry("HUDDLE_CHAT_LINE_PORT", "7000")
            .containsEntry("HUDDLE_CLUSTER_NAME", "huddle-test").containsEntry("HUDDLE_CLUSTER_PORT", "5703")
            .containsEntry("HUDDLE_CLUSTER_MEMBERS", "127.0.0.1:5701,127.0.0.1:5702,127.0.0.1:5703,127.0.0.1:5704")
            .containsEntry("HUDDLE_CLUSTER_CREDENTIALS", "/srv/huddle/data/cluster")
            .containsEntry("HUDDLE_DATA_DIR", "/srv/huddle/data/chat-service")
            .containsEntry("HUDDLE_LOG_DIR", "/srv/huddle/log/chat-service");
        List<String> command = chat.command(layout, ROOT.resolve("chat-service/target/chat-service-1.jar"));
        assertThat(command).containsSubsequence("java", "@/srv/huddle/jvm.options", "-jar",
            "/srv/huddle/chat-service/target/chat-service-1.jar");
    }

    @Test
    void theStateDirectoryAndTheClusterNameComeFromTheEnvironment() {
        Layout layout = Layout.from(Env.of(Map.of("HUDDLE_ROOT", "/srv/huddle", "HUDDLE_STATE_DIR", "/var/tmp/h",
            "HUDDLE_PORT_OFFSET", "7")));
        assertThat(layout.dataDir("auth-service")).isEqualTo(Path.of("/var/tmp/h/data/auth-service"));
        assertThat(layout.socket()).isEqualTo(Path.of("/var/tmp/h/run/huddle.sock"));
        assertThat(layout.jvmOptions()).isEqualTo(Path.of("/srv/huddle/jvm.options"));
        assertThat(layout.portOffset()).isEqualTo(7);
        assertThat(layout.clusterName()).startsWith("huddle-");
        assertThat(Set.of(Layout.from(Env.of(Map.of("HUDDLE_ROOT", "/srv/huddle"))).stateDir()))
            .containsExactly(Path.of("/srv/huddle"));
    }

    private static Layout layout(int offset) {
        return new Layout(ROOT, ROOT, "java", "huddle-test", offset);
    }
}
