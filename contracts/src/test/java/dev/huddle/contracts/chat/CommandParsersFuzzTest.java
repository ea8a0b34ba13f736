package dev.huddle.contracts.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.fuzz.FuzzInput;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Whatever a client sends, the two command parsers (the line protocol's {@link LineCodec} and the
 * WebSocket's {@link JsonCommandCodec}) answer with a command or a refusal that carries a code:
 * nothing else is ever thrown, and a command they accept survives being written out and read back.
 *
 * <p>The {@code @FuzzTest}s are Jazzer fuzz tests. A normal test run ({@code ./huddle test}) replays
 * the seed inputs in {@code src/test/resources/dev/huddle/contracts/chat/CommandParsersFuzzTestInputs/};
 * to fuzz for real (one method at a time, until stopped or {@code maxDuration}):
 * {@code JAZZER_FUZZ=1 ./mvnw -pl contracts test -Dtest='CommandParsersFuzzTest#anyLineIsACommandOrARefusal'}
 * (docs/ARCHITECTURE.md, "Fuzzing"). The seeded random runs below cover the same ground on every build.
 */
class CommandParsersFuzzTest {

    private static final List<String> WORDS = List.of("reg", "login", "logout", "whoami", "new_project", "projects",
        "members", "add_group", "kick", "join", "leave", "chat", "history", "dm", "dm_history", "dm_threads", "upload", "download",
        "files", "delete_file", "call_join", "call_members", "help", "quit", "LOGIN", "Chat");
    private static final List<String> FIELDS = List.of("command", "token", "username", "password", "email", "name",
        "projectId", "members", "text", "limit", "beforeId", "target", "size", "sha256", "filename", "fileId", "id");

    @FuzzTest(maxDuration = "10m")
    void anyLineIsACommandOrARefusal(byte[] data) {
        checkLine(lineFrom(new FuzzInput(data)));
    }

    @FuzzTest(maxDuration = "10m")
    void anyWebSocketFrameIsACommandOrARefusal(byte[] data) {
        checkFrame(frameFrom(new FuzzInput(data)));
    }

    @Test
    void randomLinesAreCommandsOrRefusals() {
        SplittableRandom random = new SplittableRandom(20_241_030);
        for (int i = 0; i < 10_000; i++) {
            checkLine(lineFrom(FuzzInput.random(random, 120)));
        }
    }

    @Test
    void randomFramesAreCommandsOrRefusals() {
        SplittableRandom random = new SplittableRandom(7_000);
        for (int i = 0; i < 10_000; i++) {
            checkFrame(frameFrom(FuzzInput.random(random, 160)));
        }
    }

    /** A command word (usually a real one), then arguments of any characters. */
    private static String lineFrom(FuzzInput in) {
        String word = in.flag() ? in.oneOf(WORDS) : in.text(12);
        return (in.flag() ? " " : "") + word + in.restAsText();
    }

    /** Sometimes any text; usually a JSON object of known fields with values of any type. */
    private static String frameFrom(FuzzInput in) {
        if (in.pick(8) == 0) {
            return in.restAsText();
        }
        JsonObject frame = new JsonObject().put("command", in.oneOf(WORDS));
        for (int fields = in.pick(7); fields > 0; fields--) {
            String field = in.oneOf(FIELDS);
            switch (in.pick(7)) {
                case 0 -> frame.put(field, in.text(40));
                case 1 -> frame.put(field, (long) in.pick(70_000) - 5);
                case 2 -> frame.put(field, in.flag());
                case 3 -> frame.putNull(field);
                case 4 -> frame.put(field, new JsonObject().put(in.text(4), in.text(8)));
                case 5 -> frame.put(field, List.of(in.text(8), in.text(8)));
                default -> frame.put(field, in.pick(3) == 0 ? 1.5e300 : in.pick(1_000) / 7.0);
            }
        }
        return frame.encode();
    }

    private static void checkLine(String line) {
        Command command;
        try {
            command = LineCodec.parse(line);
        } catch (HuddleException refused) {
            assertThat(refused.code()).isNotNull();
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        String canonical;
        try {
            canonical = LineCodec.format(command);
        } catch (IllegalArgumentException notALine) {
            return; // documented: a password with a space or a message with line breaks has only the JSON form
        }
        assertThat(LineCodec.parse(canonical)).as(canonical).isEqualTo(command);
        assertThat(JsonCommandCodec.decode(JsonCommandCodec.encode(command), null)).isEqualTo(command);
    }

    private static void checkFrame(String text) {
        Command command;
        try {
            command = JsonCommandCodec.decode(JsonCommandCodec.parseFrame(text), sessionToken(text));
        } catch (HuddleException refused) {
            assertThat(refused.code()).isNotNull();
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(JsonCommandCodec.decode(JsonCommandCodec.encode(command), null)).isEqualTo(command);
    }

    /** The connection's session token, or none: varies with the input, deterministically. */
    private static String sessionToken(String text) {
        return (text.length() & 1) == 0 ? "session-token" : null;
    }
}
