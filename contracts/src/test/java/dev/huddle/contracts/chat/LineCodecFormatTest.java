package dev.huddle.contracts.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.chat.Command.Chat;
import dev.huddle.contracts.chat.Command.History;
import dev.huddle.contracts.chat.Command.Login;
import dev.huddle.contracts.chat.Command.Reg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LineCodecFormatTest {

    static Iterable<Command> samples() {
        return SampleCommands.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyCommandSurvivesFormatThenParse(Command command) {
        String line = LineCodec.format(command);
        assertThat(line).doesNotContain("\n", "\r");
        assertThat(LineCodec.parse(line)).isEqualTo(command);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void formattingIsStableAfterOneRoundTrip(Command command) {
        String line = LineCodec.format(command);
        assertThat(LineCodec.format(LineCodec.parse(line + "\r\n"))).isEqualTo(line);
    }

    @Test
    void canonicalLinesUseTheLowerCaseWordAndSingleSpaces() {
        assertThat(LineCodec.format(LineCodec.parse("CHAT\t tok   7   hi  there"))).isEqualTo("chat tok 7 hi  there");
        assertThat(LineCodec.format(new Reg("alice", "pw", null))).isEqualTo("reg alice pw");
        assertThat(LineCodec.format(new History("t", 7, null, 120L))).isEqualTo("history t 7 - 120");
        assertThat(LineCodec.format(new History("t", 7, 20, null))).isEqualTo("history t 7 20");
        assertThat(LineCodec.format(new Command.Help())).isEqualTo("help");
    }

    @Test
    void leadingBlanksOfAMessageCannotSurviveSoTheRecordDropsThem() {
        Chat chat = new Chat("t", 7, "   indented");
        assertThat(LineCodec.parse(LineCodec.format(chat))).isEqualTo(chat);
        assertThat(chat.text()).isEqualTo("indented");
    }

    @Test
    void passwordWithBlanksCannotBeWrittenAsALine() {
        assertThatThrownBy(() -> LineCodec.format(new Login("alice", "correct horse")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password");
    }
}
