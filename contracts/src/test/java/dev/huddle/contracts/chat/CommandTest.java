package dev.huddle.contracts.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.chat.Command.AddGroup;
import dev.huddle.contracts.chat.Command.Chat;
import dev.huddle.contracts.chat.Command.History;
import dev.huddle.contracts.chat.Command.Login;
import dev.huddle.contracts.chat.Command.NewProject;
import dev.huddle.contracts.chat.Command.Reg;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void samplesCoverEveryVerbAndEachKnowsItsWord() {
        Set<Verb> seen = SampleCommands.all().stream().map(Command::verb).collect(Collectors.toSet());
        assertThat(seen).isEqualTo(EnumSet.allOf(Verb.class));
        SampleCommands.all().forEach(c -> assertThat(c.word()).isEqualTo(c.verb().word()));
    }

    @Test
    void wordsAreLowerCaseSnakeCaseAndUnique() {
        assertThat(Arrays.stream(Verb.values()).map(Verb::word))
            .allMatch(w -> w.matches("[a-z_]+")).doesNotHaveDuplicates()
            .contains("reg", "login", "logout", "new_project", "add_group", "chat", "dm_history");
        assertThat(new AddGroup("t", 1, "bob").word()).isEqualTo("add_group");
    }

    @Test
    void verbLookupIgnoresAsciiCaseOnly() {
        assertThat(Verb.fromWord("NEW_Project")).contains(Verb.NEW_PROJECT);
        assertThat(Verb.fromWord("\u212Aick")).as("Kelvin sign is not k").isEmpty();
        assertThat(Verb.fromWord("chat ")).isEmpty();
        assertThat(Verb.fromWord(null)).isEmpty();
    }

    @Test
    void tokenCarryingCommandsAreAuthenticatedAndOthersAreNot() {
        for (Command c : SampleCommands.all()) {
            boolean anonymous = c instanceof Reg || c instanceof Login || c instanceof Command.Help
                || c instanceof Command.Quit;
            assertThat(c instanceof Command.Authenticated).as(c.word()).isEqualTo(!anonymous);
        }
        assertThat(new Chat("tok", 3, "hi")).isInstanceOf(Command.InProject.class);
    }

    @Test
    void freeTextIsCanonicalisedAtItsEdges() {
        assertThat(new NewProject("t", " \tLaunch  day\t ").name()).isEqualTo("Launch  day");
        assertThat(new AddGroup("t", 1, "  [a, b]  ").members()).isEqualTo("[a, b]");
        assertThat(new Chat("t", 1, " \t hi  ").text()).as("leading blanks dropped, trailing kept").isEqualTo("hi  ");
    }

    @Test
    void invalidValuesAreRefusedWhateverBuildsTheRecord() {
        assertRefused(() -> new Chat("t", 0, "hi"), ErrorCode.BAD_REQUEST, "project id must be a positive integer");
        assertRefused(() -> new Chat("t", 1, "  "), ErrorCode.BAD_REQUEST, "message required");
        assertRefused(() -> new Chat(null, 1, "hi"), ErrorCode.BAD_REQUEST, "token required");
        assertRefused(() -> new Chat("t", 1, "a\u0000b"), ErrorCode.BAD_REQUEST, "control characters");
        assertRefused(() -> new Chat("t", 1, "a\uD800b"), ErrorCode.BAD_REQUEST, "not valid Unicode");
        assertRefused(() -> new Chat("t", 1, "x".repeat(4_001)), ErrorCode.PAYLOAD_TOO_LARGE, "4000");
        assertRefused(() -> new Login("al ice", "pw"), ErrorCode.BAD_REQUEST, "username must be a single word");
        assertRefused(() -> new Login("alice", ""), ErrorCode.BAD_REQUEST, "password required");
        assertRefused(() -> new History("t", 1, 0, null), ErrorCode.BAD_REQUEST, "limit");
        assertRefused(() -> new History("t", 1, null, -5L), ErrorCode.BAD_REQUEST, "before id");
    }

    @Test
    void passwordsMayHoldSpacesAndEmailIsOptional() {
        assertThat(new Login("alice", " correct horse ").password()).isEqualTo(" correct horse ");
        assertThat(new Reg("alice", "pw12345678", null).email()).isNull();
        assertThat(new Reg("alice", "pw12345678", "").email()).isNull();
    }

    @Test
    void refusalNamesTheCommand() {
        assertThatThrownBy(() -> new Command.Kick("t", 1, "b ob"))
            .isInstanceOfSatisfying(LineProtocolException.class, e -> assertThat(e.command()).isEqualTo("kick"));
    }

    static void assertRefused(Runnable build, ErrorCode code, String messagePart) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(LineProtocolException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
