package dev.huddle.chat.line;

import dev.huddle.chat.testing.StandaloneChat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.server.testing.Eventually;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What hostile lines on TCP leave in the action log: no password (whatever separates the words),
 * no file named by the client, no raw control byte, and one counted block instead of one block per
 * refused line.
 */
class LineActionLogTest {

    @TempDir
    static Path root;
    static StandaloneChat chat;
    static int linePort;
    static Path logDir;

    @BeforeAll
    static void start() {
        chat = StandaloneChat.start(root, Map.of());
        linePort = chat.linePort();
        logDir = chat.logDir();
    }

    @AfterAll
    static void stop() {
        chat.stop();
    }

    @Test
    void hostileLinesLeaveNoSecretNoClientNamedFileAndNoRawControlByte() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", linePort)) {
            OutputStream out = socket.getOutputStream();
            StringBuilder lines = new StringBuilder("login\tbob\tpw-secret\textra\n");
            for (int i = 0; i < 2_000; i++) {
                lines.append("junk").append(i).append("\u0001\u0000x\u2028y\n");
            }
            out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            // every line is answered before closing: closing with replies unread would reset the
            // connection and drop lines the server has not read yet
            socket.setSoTimeout(20_000);
            var replies = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8));
            for (int i = 0; i < 2_001; i++) {
                assertThat(replies.readLine()).startsWith("ERR ");
            }
        }
        // 2,001 lines were refused: a few got a block each (the budget), the rest were counted in
        // `refused` blocks, the last written when the connection closed
        Eventually.assertThat(Duration.ofSeconds(20), () -> {
            String all = String.join("", logFiles().stream().map(LineActionLogTest::read).toList());
            long ownBlocks = all.lines().filter(line -> line.startsWith("ActionType: ")).count()
                - all.lines().filter(line -> line.equals("ActionType: refused")).count();
            long counted = 0;
            Matcher summaries = Pattern.compile("MessageRequest: \\((\\d+) refused lines").matcher(all);
            while (summaries.find()) {
                counted += Long.parseLong(summaries.group(1));
            }
            assertThat(ownBlocks).isLessThan(100);
            assertThat(ownBlocks + counted).isEqualTo(2_001);
        });

        List<Path> files = logFiles();
        assertThat(files).allSatisfy(file -> assertThat(file.getFileName().toString())
            .matches("(login|unknown|refused)_log_\\d\\d_\\d\\d_\\d{4}\\.log"));
        String all = String.join("", files.stream().map(LineActionLogTest::read).toList());
        assertThat(all).doesNotContain("pw-secret").contains("ActionType: login", "ActionType: unknown");
        assertThat(all.chars().filter(c -> (c < 0x20 && c != '\n') || c == 0x7f || c == 0x2028)).isEmpty();
    }

    private static List<Path> logFiles() {
        if (!Files.isDirectory(logDir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(logDir)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
