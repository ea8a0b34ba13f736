package dev.huddle.contracts.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.chat.Command.AddGroup;
import dev.huddle.contracts.chat.Command.Auth;
import dev.huddle.contracts.chat.Command.Chat;
import dev.huddle.contracts.chat.Command.Dm;
import dev.huddle.contracts.chat.Command.DmHistory;
import dev.huddle.contracts.chat.Command.Help;
import dev.huddle.contracts.chat.Command.History;
import dev.huddle.contracts.chat.Command.Join;
import dev.huddle.contracts.chat.Command.Kick;
import dev.huddle.contracts.chat.Command.Leave;
import dev.huddle.contracts.chat.Command.Login;
import dev.huddle.contracts.chat.Command.Logout;
import dev.huddle.contracts.chat.Command.Members;
import dev.huddle.contracts.chat.Command.NewProject;
import dev.huddle.contracts.chat.Command.Projects;
import dev.huddle.contracts.chat.Command.Quit;
import dev.huddle.contracts.chat.Command.Reg;
import dev.huddle.contracts.chat.Command.Whoami;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Lines that are accepted, and what they mean. */
class LineCodecParseTest {

    static Stream<Arguments> goodLines() {
        return Stream.of(
            Arguments.of("reg alice s3cret alice@example.com", new Reg("alice", "s3cret", "alice@example.com")),
            Arguments.of("reg alice s3cret", new Reg("alice", "s3cret", null)),
            Arguments.of("login alice s3cret", new Login("alice", "s3cret")),
            Arguments.of("login alice s3cret 287082", new Login("alice", "s3cret", "287082")),
            Arguments.of("passwd tok old-pass new-pass", new Command.Passwd("tok", "old-pass", "new-pass")),
            Arguments.of("totp_enrol tok", new Command.TotpEnrol("tok")),
            Arguments.of("totp_confirm tok 287082", new Command.TotpConfirm("tok", "287082")),
            Arguments.of("totp_disable tok pw ABCDE-FGHIJ", new Command.TotpDisable("tok", "pw", "ABCDE-FGHIJ")),
            Arguments.of("logout tok", new Logout("tok")),
            Arguments.of("whoami tok", new Whoami("tok")),
            Arguments.of("auth tok", new Auth("tok")),
            Arguments.of("new_project tok Launch day", new NewProject("tok", "Launch day")),
            Arguments.of("projects tok", new Projects("tok")),
            Arguments.of("members tok 7", new Members("tok", 7)),
            Arguments.of("add_group tok 7 bob, carol; dave", new AddGroup("tok", 7, "bob, carol; dave")),
            Arguments.of("add_group tok 7 [bob, carol]", new AddGroup("tok", 7, "[bob, carol]")),
            Arguments.of("kick tok 7 bob", new Kick("tok", 7, "bob")),
            Arguments.of("join tok 7", new Join("tok", 7)),
            Arguments.of("leave tok 7", new Leave("tok", 7)),
            Arguments.of("chat tok 7 hello there", new Chat("tok", 7, "hello there")),
            Arguments.of("history tok 7", new History("tok", 7, null, null)),
            Arguments.of("history tok 7 50", new History("tok", 7, 50, null)),
            Arguments.of("history tok 7 50 120", new History("tok", 7, 50, 120L)),
            Arguments.of("history tok 7 - 120", new History("tok", 7, null, 120L)),
            Arguments.of("dm tok bob see you at 10", new Dm("tok", "bob", "see you at 10")),
            Arguments.of("dm_history tok bob", new DmHistory("tok", "bob", null, null)),
            Arguments.of("dm_history tok bob 20 99", new DmHistory("tok", "bob", 20, 99L)),
            Arguments.of("dm_threads tok", new Command.DmThreads("tok")),
            Arguments.of("call_join tok 7", new Command.CallJoin("tok", 7)),
            Arguments.of("call_members tok 7", new Command.CallMembers("tok", 7)),
            Arguments.of("call_invite tok 7", new Command.CallInvite("tok", 7)),
            Arguments.of("help", new Help()),
            Arguments.of("quit", new Quit()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodLines")
    void everyCommandParsesInItsDocumentedShape(String line, Command expected) {
        assertThat(LineCodec.parse(line)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CHAT tok 7 hi", "Chat tok 7 hi", "cHaT tok 7 hi"})
    void commandWordIgnoresCase(String line) {
        assertThat(LineCodec.parse(line)).isEqualTo(new Chat("tok", 7, "hi"));
    }

    @Test
    void runsOfSpacesAndTabsSeparateArgumentsAndEdgesAreIgnored() {
        assertThat(LineCodec.parse("  \t kick \t tok    7\t\tbob  \t")).isEqualTo(new Kick("tok", 7, "bob"));
        assertThat(LineCodec.parse("history\ttok\t7\t\t50   120  ")).isEqualTo(new History("tok", 7, 50, 120L));
    }

    @Test
    void lineEndingIsNotPartOfTheLine() {
        assertThat(LineCodec.parse("join tok 7\r\n")).isEqualTo(new Join("tok", 7));
        assertThat(LineCodec.parse("join tok 7\n")).isEqualTo(new Join("tok", 7));
        assertThat(LineCodec.parse("chat tok 7 hi\r")).isEqualTo(new Chat("tok", 7, "hi"));
    }

    @Test
    void chatTextIsEverythingAfterTheSeparatorRunAsTyped() {
        assertThat(((Chat) LineCodec.parse("chat tok 7    two  spaces\tand tab  \r\n")).text())
            .isEqualTo("two  spaces\tand tab  ");
        assertThat(((Dm) LineCodec.parse("dm tok bob \t  a  b ")).text()).isEqualTo("a  b ");
    }

    @Test
    void projectNameAndMemberListAreTrimmed() {
        assertThat(LineCodec.parse("new_project tok   Q4  planning \t"))
            .isEqualTo(new NewProject("tok", "Q4  planning"));
        assertThat(((AddGroup) LineCodec.parse("add_group tok 1  bob ,carol;  ")).members()).isEqualTo("bob ,carol;");
    }

    @Test
    void unicodeIsAcceptedAnywhere() {
        assertThat(LineCodec.parse("chat tok 7 Xin chào 👋🏽 mọi người"))
            .isEqualTo(new Chat("tok", 7, "Xin chào 👋🏽 mọi người"));
        assertThat(LineCodec.parse("reg nguyễn mật-khẩu-🔑")).isEqualTo(new Reg("nguyễn", "mật-khẩu-🔑", null));
        assertThat(LineCodec.parse("new_project tok Dự án 🚀")).isEqualTo(new NewProject("tok", "Dự án 🚀"));
        assertThat(LineCodec.parse("dm tok bob \u3000全角")).as("only space and tab separate")
            .isEqualTo(new Dm("tok", "bob", "\u3000全角"));
    }

    @Test
    void messageOfExactlyTheLimitCountedInCodePointsIsAccepted() {
        String emoji = "😀".repeat(LineCodec.MAX_MESSAGE_CODE_POINTS);
        assertThat(emoji.length()).isEqualTo(2 * LineCodec.MAX_MESSAGE_CODE_POINTS);
        assertThat(((Chat) LineCodec.parse("chat t 7 " + emoji)).text()).isEqualTo(emoji);
        assertThat(((Dm) LineCodec.parse("dm t bob " + "á".repeat(4_000))).text()).hasSize(4_000);
    }

    @Test
    void tabsInsideMessagesAreAllowed() {
        assertThat(((Chat) LineCodec.parse("chat tok 7 col1\tcol2")).text()).isEqualTo("col1\tcol2");
    }

    @Test
    void historyLimitsFromOneToFiveHundredAndLeadingZerosAreAccepted() {
        assertThat(((History) LineCodec.parse("history t 7 1")).limit()).isEqualTo(1);
        assertThat(((History) LineCodec.parse("history t 7 500")).limit()).isEqualTo(500);
        assertThat(((History) LineCodec.parse("history t 007 050")).limit()).isEqualTo(50);
        assertThat(((History) LineCodec.parse("history t 7 0000500")).limit()).isEqualTo(500);
        assertThat(((History) LineCodec.parse("history t 9223372036854775807 5")).projectId())
            .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void blankLinesCanBeRecognisedBeforeParsing() {
        assertThat(LineCodec.isBlank("")).isTrue();
        assertThat(LineCodec.isBlank(" \t \r\n")).isTrue();
        assertThat(LineCodec.isBlank(null)).isTrue();
        assertThat(LineCodec.isBlank(" help")).isFalse();
    }

    @Test
    void usagesListEveryCommandForHelp() {
        assertThat(LineCodec.usages()).hasSize(Verb.values().length)
            .contains("chat <token> <project_id> <message>", "history <token> <project_id> [limit] [before_id]");
    }
}
