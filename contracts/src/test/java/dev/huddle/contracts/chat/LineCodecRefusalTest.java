package dev.huddle.contracts.chat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.ErrorCode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Lines that are refused, with which code, command word and message. */
class LineCodecRefusalTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "reg | reg",
        "reg alice | reg",
        "reg alice pw mail extra | reg",
        "login alice | login",
        "login alice pw 123456 extra | login",
        "passwd tok old | passwd",
        "passwd tok old new extra | passwd",
        "totp_enrol | totp_enrol",
        "totp_confirm tok | totp_confirm",
        "totp_disable tok pw | totp_disable",
        "logout | logout",
        "logout tok extra | logout",
        "whoami | whoami",
        "auth a b | auth",
        "new_project tok | new_project",
        "new_project | new_project",
        "projects | projects",
        "projects tok 1 | projects",
        "members tok | members",
        "members tok 1 2 | members",
        "add_group tok 1 | add_group",
        "add_group tok | add_group",
        "kick tok 1 | kick",
        "kick tok 1 bob carol | kick",
        "join tok | join",
        "join tok 1 2 | join",
        "leave tok | leave",
        "chat tok 7 | chat",
        "chat tok | chat",
        "chat | chat",
        "history tok | history",
        "history tok 1 5 6 7 | history",
        "dm tok bob | dm",
        "dm_history tok | dm_history",
        "dm_history tok bob 5 6 7 | dm_history",
        "dm_threads | dm_threads",
        "dm_threads tok bob | dm_threads",
        "help me | help",
        "quit now | quit"})
    void missingOrExtraArgumentsGiveTheUsage(String line, String word) {
        Verb verb = Verb.fromWord(word).orElseThrow();
        assertRefused(line, word, ErrorCode.BAD_REQUEST, "usage: " + verb.usage());
    }

    @Test
    void usageMessageQuotesTheShape() {
        assertRefused("chat tok 7   \t ", "chat", ErrorCode.BAD_REQUEST, "usage: chat <token> <project_id> <message>");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"0", "-1", "abc", "+5", "1.0", "0x10", "99999999999999999999", "9223372036854775808", "７"})
    void badProjectIdsAreRefused(String id) {
        assertRefused("members tok " + id, "members", ErrorCode.BAD_REQUEST, "project id must be a positive integer");
        assertRefused("chat tok " + id + " hi", "chat", ErrorCode.BAD_REQUEST, "project id must be a positive integer");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"0", "501", "-1", "abc", "1000000", "99999999999999999999"})
    void historyLimitsOutsideOneToFiveHundredAreRefused(String limit) {
        assertRefused("history tok 7 " + limit, "history", ErrorCode.BAD_REQUEST,
            "limit must be a whole number from 1 to 500");
        assertRefused("dm_history tok bob " + limit, "dm_history", ErrorCode.BAD_REQUEST, "from 1 to 500");
    }

    @Test
    void badBeforeIdIsRefused() {
        assertRefused("history tok 7 10 0", "history", ErrorCode.BAD_REQUEST, "before id must be a positive integer");
        assertRefused("dm_history tok bob 10 x", "dm_history", ErrorCode.BAD_REQUEST, "before id");
    }

    @Test
    void messageOneCodePointOverTheLimitIsTooLarge() {
        assertRefused("chat tok 7 " + "😀".repeat(4_001), "chat", ErrorCode.PAYLOAD_TOO_LARGE,
            "message longer than 4000 characters");
        assertRefused("dm tok bob " + "x".repeat(4_001), "dm", ErrorCode.PAYLOAD_TOO_LARGE, "4000");
    }

    @Test
    void lineOverTheByteLimitIsTooLarge() {
        assertRefused("new_project tok " + "é".repeat(8_200), "new_project", ErrorCode.PAYLOAD_TOO_LARGE,
            "line longer than 16384 bytes");
        String justFits = "new_project tok " + "n".repeat(LineCodec.MAX_LINE_BYTES - 16);
        assertThat(LineCodec.utf8Length(justFits + "\r\n")).isEqualTo(LineCodec.MAX_LINE_BYTES);
        assertThat(LineCodec.parse(justFits + "\r\n")).isInstanceOf(Command.NewProject.class);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "\t\t", "\r\n", " \r"})
    void blankLineIsAnEmptyLineWithNoCommand(String line) {
        assertRefused(line, "-", ErrorCode.BAD_REQUEST, "empty line");
    }

    @Test
    void nullLineIsAnEmptyLine() {
        assertRefused(null, "-", ErrorCode.BAD_REQUEST, "empty line");
    }

    @Test
    void unknownCommandIsNamedAndHelpSuggested() {
        assertRefused("xyz 1 2", "xyz", ErrorCode.UNKNOWN_COMMAND, "unknown command 'xyz'; try help");
        assertRefused("FOO", "foo", ErrorCode.UNKNOWN_COMMAND, "unknown command 'FOO'; try help");
    }

    @Test
    void unknownCommandThatIsNotAPlainWordIsEchoedSafely() {
        assertRefused("\u0001boom x", "-", ErrorCode.UNKNOWN_COMMAND, "unknown command '?boom'");
        assertRefused("x".repeat(100), "-", ErrorCode.UNKNOWN_COMMAND, "x".repeat(32) + "…'");
        assertRefused("chào", "-", ErrorCode.UNKNOWN_COMMAND, "'chào'");
    }

    @Test
    void aLineHoldingALineBreakIsRefused() {
        assertRefused("chat tok 7 a\nb", "chat", ErrorCode.BAD_REQUEST, "must not contain line breaks");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"chat tok 7 a\u0000b", "chat tok 7 bell\u0007", "chat tok 7 a\rb",
        "chat tok 7 esc\u001b[2J", "chat tok 7 del\u007f", "chat tok 7 c1\u0085"})
    void controlCharactersInAMessageAreRefused(String line) {
        assertRefused(line, "chat", ErrorCode.BAD_REQUEST, "message must not contain control characters");
    }

    @Test
    void controlCharactersInOtherArgumentsAreRefused() {
        assertRefused("login al\u0000ice pw", "login", ErrorCode.BAD_REQUEST, "username must not contain control");
        assertRefused("new_project tok A\u000bB", "new_project", ErrorCode.BAD_REQUEST,
            "project name must not contain");
        assertRefused("kick tok 7 b\u0008ob", "kick", ErrorCode.BAD_REQUEST, "username must not contain");
    }

    @Test
    void utf8BytesAreDecodedStrictly() {
        assertThat(LineCodec.decodeUtf8("chat t 1 Xin chào".getBytes(StandardCharsets.UTF_8)))
            .isEqualTo("chat t 1 Xin chào");
        assertThatThrownBy(() -> LineCodec.decodeUtf8(new byte[] {'c', 'h', (byte) 0xC3, 'x'}))
            .isInstanceOfSatisfying(LineProtocolException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                assertThat(e.getMessage()).isEqualTo("line is not valid UTF-8");
            });
        assertThatThrownBy(() -> LineCodec.decodeUtf8(new byte[LineCodec.MAX_LINE_BYTES + 1]))
            .isInstanceOfSatisfying(LineProtocolException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
    }

    private static void assertRefused(String line, String command, ErrorCode code, String messagePart) {
        assertThatThrownBy(() -> LineCodec.parse(line)).isInstanceOfSatisfying(LineProtocolException.class, e -> {
            assertThat(e.command()).as("command").isEqualTo(command);
            assertThat(e.code()).as("code").isEqualTo(code);
            assertThat(e.getMessage()).as("message").contains(messagePart);
        });
    }
}
