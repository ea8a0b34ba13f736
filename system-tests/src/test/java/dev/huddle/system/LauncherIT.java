package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.server.testing.Eventually;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./huddle up supervises: a killed service comes back on its port and in the cluster, one service
 * restarts into the running cluster, status tells uptime and restarts; the services run with the
 * repository's jvm.options.
 */
class LauncherIT {

    private static final Duration COMES_BACK = Duration.ofSeconds(120);

    @Test
    void aKilledServiceIsRestartedAndRejoinsAndOneServiceRestartsIntoTheRunningCluster(@TempDir Path state)
        throws Exception {
        try (HuddleRun huddle = new HuddleRun(state)) {
            HuddleRun.Result up = huddle.run("up", "-d");
            assertThat(up.exitCode()).as(up.output()).isZero();
            assertThat(up.output()).contains("http://127.0.0.1:" + huddle.port(8083), huddle.port(7000) + "/tcp");
            int line = huddle.port(7000);
            try (LineClient client = LineClient.connect(line)) {
                client.ok("reg quinn violet-anchor-93-drum");
            }

            long chatPid = huddle.pid("chat-service");
            assertThat(ProcessHandle.of(chatPid).flatMap(p -> p.info().arguments()).map(List::of).orElseThrow())
                .as("chat-service runs with the repository's jvm.options")
                .contains("@" + RepoFiles.root().resolve("jvm.options"));
            ProcessHandle.of(chatPid).orElseThrow().destroyForcibly();

            Eventually.assertThat(COMES_BACK, () -> {
                HuddleRun.Result status = huddle.run("status");
                assertThat(status.output()).containsPattern("chat-service +running +\\d+ +\\S+ +1 +UP");
            });
            assertThat(huddle.pid("chat-service")).isNotEqualTo(chatPid);
            // a login over chat-service goes to auth-service over the event bus: chat-service is clustered again
            try (LineClient client = LineClient.connect(line)) {
                assertThat(client.ok("login quinn violet-anchor-93-drum").getString("token")).isNotBlank();
            }
            assertThat(Files.readString(state.resolve("log").resolve("huddle.log")))
                .contains("chat-service exited", "restarting it in 1s", "chat-service is back");

            long authPid = huddle.pid("auth-service");
            HuddleRun.Result restart = huddle.run("restart", "auth-service");
            assertThat(restart.exitCode()).as(restart.output()).isZero();
            assertThat(restart.output()).contains("auth-service restarted: healthy after");
            assertThat(huddle.pid("auth-service")).isNotEqualTo(authPid);
            assertThat(healthStatus(huddle.port(8081))).isEqualTo(200);
            try (LineClient client = LineClient.connect(line)) {
                assertThat(client.ok("login quinn violet-anchor-93-drum").getString("token")).as("the account survived")
                    .isNotBlank();
            }
            HuddleRun.Result status = huddle.run("status");
            assertThat(status.output()).containsPattern("auth-service +running +\\d+ +\\d+s +1 +UP")
                .containsPattern("room-service +running +\\d+ +\\S+ +0 +UP");

            HuddleRun.Result down = huddle.run("down");
            assertThat(down.exitCode()).as(down.output()).isZero();
            assertThat(huddle.run("status").output()).contains("Huddle is not running here");
        }
    }

    @Test
    void upWithAServiceStartsOnlyThatOneAndLaterJoinsTheOthersToIt(@TempDir Path state) {
        try (HuddleRun huddle = new HuddleRun(state)) {
            HuddleRun.Result auth = huddle.run("up", "-d", "auth-service");
            assertThat(auth.exitCode()).as(auth.output()).isZero();
            assertThat(huddle.run("status").output()).containsPattern("room-service +stopped +- +- +0 +DOWN");

            HuddleRun.Result chat = huddle.run("up", "room-service", "chat-service");
            assertThat(chat.exitCode()).as(chat.output()).isZero();
            assertThat(chat.output()).contains("room-service started: healthy after", "chat-service started");
            try (LineClient client = LineClient.connect(huddle.port(7000))) {
                client.ok("reg rowan violet-anchor-93-drum");
                String token = client.ok("login rowan violet-anchor-93-drum").getString("token");
                assertThat(client.ok("new_project " + token + " Launch").getJsonObject("project").getString("name"))
                    .isEqualTo("Launch");
            }
        }
    }

    private static int healthStatus(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
