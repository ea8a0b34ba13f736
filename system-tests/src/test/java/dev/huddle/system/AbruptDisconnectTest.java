package dev.huddle.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A client that vanishes (its connection reset, as when a laptop sleeps or a process is killed) is
 * routine for a chat server: its room hears it left, and nothing is logged as an error.
 */
class AbruptDisconnectTest {

    @Test
    void aResetConnectionLeavesItsRoomsAndLogsNoError(@TempDir Path root) throws Exception {
        Logger rootLogger = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        rootLogger.addAppender(logged);
        try (ChatCluster cluster = ChatCluster.start(root, Map.of());
             LineClient alice = LineClient.connect(cluster.linePortA)) {
            alice.ok("reg alice violet-anchor-93-drum");
            alice.ok("reg bob violet-anchor-93-drum");
            String aliceToken = alice.ok("login alice violet-anchor-93-drum").getString("token");
            String bobToken = alice.ok("login bob violet-anchor-93-drum").getString("token");
            long project = alice.ok("new_project " + aliceToken + " standup").getJsonObject("project").getLong("id");
            alice.ok("add_group " + aliceToken + " " + project + " bob");
            alice.ok("join " + aliceToken + " " + project);

            try (Socket bob = new Socket()) {
                bob.connect(new InetSocketAddress("127.0.0.1", cluster.linePortA), 5_000);
                bob.getOutputStream().write(("join " + bobToken + " " + project + "\n").getBytes(StandardCharsets.UTF_8));
                bob.getOutputStream().flush();
                alice.awaitEvent(e -> e.type().equals("joined") && e.json().getString("username").equals("bob"));
                alice.ok("chat " + aliceToken + " " + project + " are you there?");
                bob.setSoLinger(true, 0); // close with a reset, unread data and all
            }

            alice.awaitEvent(e -> e.type().equals("left") && e.json().getString("username").equals("bob"));
            alice.ok("chat " + aliceToken + " " + project + " still here");
        } finally {
            rootLogger.detachAppender(logged);
        }
        List<String> errors = logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
            .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
        assertThat(errors).as("ERROR lines while a client vanished").isEmpty();
    }
}
