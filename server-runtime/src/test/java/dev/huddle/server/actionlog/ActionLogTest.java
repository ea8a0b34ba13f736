package dev.huddle.server.actionlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import dev.huddle.server.testing.MutableClock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionLogTest {

    private static final Instant AT = Instant.parse("2024-10-30T09:15:02.114Z");
    private static final String DASHES = "-------------------------------------------------------";
    private static final String REG_RESPONSE = "OK reg {\"id\":1,\"username\":\"alice\",\"role\":\"user\"}";
    private static final String REG_BLOCK = """
            -------------------------------------------------------
            ActionName: Register
            ActionType: reg
            User: anonymous
            MessageRequest: reg alice ********
            MessageResponse: OK reg {"id":1,"username":"alice","role":"user"}
            Timestamp: 2024-10-30T09:15:02.114Z
            -------------------------------------------------------
            """;

    @TempDir
    Path tmp;
    private Path root;
    private final MutableClock clock = new MutableClock(AT, ZoneOffset.UTC);

    @BeforeEach
    void rootInsideTheTempDir() {
        // One level down, so a test can see whether anything escaped the root.
        root = tmp.resolve("log");
    }

    @Test
    void registerWritesExactlyTheSeedBlockIntoTheDaysFile() throws IOException {
        try (ActionLog log = ActionLog.open(root, clock)) {
            log.record("reg", null, "reg alice s3cret", REG_RESPONSE);
        }

        assertThat(filesUnder(root)).containsExactly(root.resolve("30_10_2024/reg_log_30_10_2024.log"));
        assertThat(read("30_10_2024/reg_log_30_10_2024.log")).isEqualTo(REG_BLOCK);
    }

    @Test
    void eachActionTypeHasItsOwnFile() throws IOException {
        try (ActionLog log = ActionLog.open(root, clock)) {
            log.record("reg", null, "reg alice s3cret", REG_RESPONSE);
            log.record("login", null, "login alice s3cret", "ERR login BAD_CREDENTIALS Wrong password");
        }

        assertThat(filesUnder(root)).containsExactlyInAnyOrder(
                root.resolve("30_10_2024/reg_log_30_10_2024.log"),
                root.resolve("30_10_2024/login_log_30_10_2024.log"));
        assertThat(read("30_10_2024/reg_log_30_10_2024.log")).isEqualTo(REG_BLOCK);
        assertThat(read("30_10_2024/login_log_30_10_2024.log")).isEqualTo(block(
                "Login", "login", "anonymous", "login alice ********", "ERR login BAD_CREDENTIALS Wrong password",
                "2024-10-30T09:15:02.114Z"));
    }

    @Test
    void laterBlocksAreAppendedAfterEarlierOnes() throws IOException {
        try (ActionLog log = ActionLog.open(root, clock)) {
            log.record("reg", null, "reg alice s3cret", REG_RESPONSE);
            clock.advance(Duration.ofMillis(886));
            log.record("reg", "", "reg bob pw", "ERR reg USERNAME_TAKEN Username already taken");
        }

        assertThat(read("30_10_2024/reg_log_30_10_2024.log")).isEqualTo(REG_BLOCK + block(
                "Register", "reg", "anonymous", "reg bob ********", "ERR reg USERNAME_TAKEN Username already taken",
                "2024-10-30T09:15:03.000Z"));
    }

    @Test
    void reopeningTheLogAppendsToTheExistingFile() throws IOException {
        try (ActionLog log = ActionLog.open(root, clock)) {
            log.record("reg", null, "reg alice s3cret", REG_RESPONSE);
        }
        try (ActionLog log = ActionLog.open(root, clock)) {
            log.record("reg", null, "reg alice s3cret", REG_RESPONSE);
        }

        assertThat(read("30_10_2024/reg_log_30_10_2024.log")).isEqualTo(REG_BLOCK + REG_BLOCK);
    }

    @Test
    void aNewDayStartsANewFolderAndFile() throws IOException {
        try (ActionLog log = ActionLog.open(root, clock)) {
            clock.set(Instant.parse("2024-10-30T23:59:59.999Z"));
            log.record("chat", "alice", "chat t 1 good night", "OK chat {}");
            clock.set(Instant.parse("2024-10-31T00:00:00Z"));
            log.record("chat", "alice", "chat t 1 good morning", "OK chat {}");
        }

        assertThat(read("30_10_2024/chat_log_30_10_2024.log")).isEqualTo(block(
                "Chat", "chat", "alice", "chat t 1 good night", "OK chat {}", "2024-10-30T23:59:59.999Z"));
        assertThat(read("31_10_2024/chat_log_31_10_2024.log")).isEqualTo(block(
                "Chat", "chat", "alice", "chat t 1 good morning", "OK chat {}", "2024-10-31T00:00:00.000Z"));
    }

    @Test
    void theDayIsTheUtcDateWhateverTheClocksZone() throws IOException {
        // 23:30 UTC is already 06:30 the next morning in Hanoi.
        MutableClock hanoi = new MutableClock(Instant.parse("2024-10-30T23:30:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
        try (ActionLog log = ActionLog.open(root, hanoi)) {
            log.record("help", "alice", "help", "OK help {}");
        }

        assertThat(filesUnder(root)).containsExactly(root.resolve("30_10_2024/help_log_30_10_2024.log"));
        assertThat(read("30_10_2024/help_log_30_10_2024.log")).contains("Timestamp: 2024-10-30T23:30:00.000Z");
    }

    @Test
    void missingUserIsLoggedAsAnonymous() throws IOException {
        try (ActionLog log = ActionLog.open(root, clock)) {
            log.record("help", null, "help", "OK help {}");
            log.record("help", "  ", "help", "OK help {}");
        }

        assertThat(read("30_10_2024/help_log_30_10_2024.log").lines().filter(l -> l.startsWith("User: ")))
                .containsExactly("User: anonymous", "User: anonymous");
    }

    @Test
    void hostileActionTypeStaysInsideTheRoot() throws IOException {
        try (ActionLog log = ActionLog.open(root, clock)) {
            log.record("../../etc", "mallory", "../../etc passwd", "ERR ../../etc UNKNOWN_COMMAND Unknown command");
        }

        try (Stream<Path> besideRoot = Files.list(tmp)) {
            assertThat(besideRoot).containsExactly(root);
        }
        assertThat(filesUnder(root)).containsExactly(root.resolve("30_10_2024/______etc_log_30_10_2024.log"));
        assertThat(read("30_10_2024/______etc_log_30_10_2024.log"))
                .contains("ActionName: Etc\nActionType: ______etc\n");
    }

    @Test
    void actionTypeIsReducedToASafeFileName() {
        assertThat(ActionLog.safeActionType("New_Project")).isEqualTo("new_project");
        assertThat(ActionLog.safeActionType("a/b\\c.d e\u0000")).isEqualTo("a_b_c_d_e_");
        assertThat(ActionLog.safeActionType("x".repeat(100))).isEqualTo("x".repeat(40));
        assertThat(ActionLog.safeActionType("")).isEqualTo("unknown");
        assertThat(ActionLog.safeActionType(null)).isEqualTo("unknown");
    }

    @Test
    void newlinesInsideValuesCannotSplitOrForgeABlock() throws IOException {
        try (ActionLog log = ActionLog.open(root, clock)) {
            log.record("chat", "eve\nUser: admin", "chat t 1 hi\r\n" + DASHES + "\nActionName: Forged", "OK chat {}");
        }

        assertThat(read("30_10_2024/chat_log_30_10_2024.log")).isEqualTo(block(
                "Chat", "chat", "eve\\nUser: admin", "chat t 1 hi\\r\\n" + DASHES + "\\nActionName: Forged",
                "OK chat {}", "2024-10-30T09:15:02.114Z"));
    }

    @Test
    void everyControlAndLineSeparatorCharacterIsEscaped() {
        assertThat(ActionLog.oneLine("a\u0000b\tc\u001bd\u007fe\u0085f\u2028g\u2029h\\i"))
                .isEqualTo("a\\u0000b\\tc\\u001bd\\u007fe\\u0085f\\u2028g\\u2029h\\i");
    }

    @Test
    void secretsAreMaskedInRequestAndResponse() throws IOException {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
        try (ActionLog log = ActionLog.open(root, clock)) {
            log.record("login", null, "login alice s3cret", "OK login {\"token\":\"" + jwt + "\"}");
        }

        String text = read("30_10_2024/login_log_30_10_2024.log");
        assertThat(text).contains("MessageRequest: login alice ********\n",
                "MessageResponse: OK login {\"token\":\"********\"}\n");
        assertThat(text).doesNotContain("s3cret", jwt);
    }

    @Test
    void placeholdersAndPercentSignsAreWrittenVerbatim() throws IOException {
        try (ActionLog log = ActionLog.open(root, clock)) {
            log.record("chat", "alice", "chat t 1 {} %s %n {0} ${env:HOME}", "OK chat {}");
        }

        assertThat(read("30_10_2024/chat_log_30_10_2024.log"))
                .contains("MessageRequest: chat t 1 {} %s %n {0} ${env:HOME}\n");
    }

    @Test
    void blocksFromManyThreadsAreAllWrittenWholeByClose() throws Exception {
        int threads = 4;
        int perThread = 1000; // more than the queue holds, so callers also wait for room
        ActionLog log = ActionLog.open(root, clock);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Void>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        log.record("chat", "user" + thread, "chat t 1 msg-" + thread + "-" + i, "OK chat {}");
                    }
                    return null;
                });
            }
            List<Future<Void>> running = writers.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Void> writer : running) {
                writer.get();
            }
        } finally {
            pool.shutdown();
            log.close();
        }

        List<String> lines = read("30_10_2024/chat_log_30_10_2024.log").lines().toList();
        assertThat(lines).hasSize(threads * perThread * 8);
        Set<String> messages = new HashSet<>();
        for (int b = 0; b < lines.size(); b += 8) {
            List<String> one = lines.subList(b, b + 8);
            String user = one.get(3).substring("User: ".length());
            String message = one.get(4).substring("MessageRequest: chat t 1 ".length());
            assertThat(one).containsExactly(DASHES, "ActionName: Chat", "ActionType: chat", "User: " + user,
                    "MessageRequest: chat t 1 " + message, "MessageResponse: OK chat {}",
                    "Timestamp: 2024-10-30T09:15:02.114Z", DASHES);
            assertThat(message).startsWith("msg-" + user.substring("user".length()) + "-");
            messages.add(message);
        }
        assertThat(messages).hasSize(threads * perThread);
    }

    @Test
    void recordingAfterCloseIsDroppedQuietly() throws IOException {
        ActionLog log = ActionLog.open(root, clock);
        log.record("help", null, "help", "OK help {}");
        log.close();

        log.record("help", null, "help", "OK help {}");
        log.close();

        assertThat(read("30_10_2024/help_log_30_10_2024.log"))
                .isEqualTo(block("Help", "help", "anonymous", "help", "OK help {}", "2024-10-30T09:15:02.114Z"));
    }

    private static String block(String name, String type, String user, String request, String response,
            String timestamp) {
        return String.join("\n", DASHES, "ActionName: " + name, "ActionType: " + type, "User: " + user,
                "MessageRequest: " + request, "MessageResponse: " + response, "Timestamp: " + timestamp, DASHES)
                + "\n";
    }

    private String read(String relative) throws IOException {
        return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }
}
