package dev.huddle.contracts.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.chat.Command.Download;
import dev.huddle.contracts.chat.Command.Files;
import dev.huddle.contracts.chat.Command.Upload;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The file commands' line and JSON forms, READY lines, and what they refuse. */
class FileCommandCodecTest {

    private static final String SHA = SampleCommands.SHA256;

    @Test
    void uploadTakesTheRestOfTheLineAsTheFilenameAndLowerCasesTheHash() {
        Command c = LineCodec.parse("UPLOAD tok @bob 0 " + SHA.toUpperCase() + "   Báo cáo  (v2).pdf  \r\n");
        assertThat(c).isEqualTo(new Upload("tok", new FileTarget.User("bob"), 0, SHA, "Báo cáo  (v2).pdf"));
        assertThat(LineCodec.parse("upload tok 7 1024 " + SHA + " ../../etc/passwd"))
            .isEqualTo(new Upload("tok", new FileTarget.Room(7), 1024, SHA, "../../etc/passwd"));
    }

    @Test
    void aFilenameWithControlCharactersIsCarriedForTheServerToClean() {
        Upload upload = (Upload) LineCodec.parse("upload tok 7 3 " + SHA + " evil\u0007\u202ename.txt");
        assertThat(upload.filename()).isEqualTo("evil\u0007\u202ename.txt");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiterString = " => ", value = {
        "upload tok 7 10 SHA => usage: upload <token> <project_id|@username> <size> <sha256> <filename>",
        "upload tok 7 -1 SHA a.txt => size must be a whole number of bytes",
        "upload tok 7 1e3 SHA a.txt => size must be a whole number of bytes",
        "upload tok 7 99999999999999999999 SHA a.txt => size must be a whole number of bytes",
        "upload tok 7 10 abc a.txt => sha256 must be 64 hexadecimal digits",
        "upload tok 0 10 SHA a.txt => project id must be a positive integer",
        "upload tok bob 10 SHA a.txt => target must be a project id or @username, not 'bob'",
        "upload tok @ 10 SHA a.txt => a username after @ is required",
        "download tok 0 => file id must be a positive integer",
        "download tok => usage: download <token> <file_id>",
        "files tok => usage: files <token> <project_id|@username> [limit] [before_id]",
        "files tok 7 501 => limit must be a whole number from 1 to 500",
        "delete_file tok x => file id must be a positive integer"})
    void badFileCommandsAreRefusedWithAReason(String line, String message) {
        String word = line.substring(0, line.indexOf(' '));
        assertThatThrownBy(() -> LineCodec.parse(line.replace("SHA", SHA)))
            .isInstanceOfSatisfying(LineProtocolException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                assertThat(e.command()).isEqualTo(word);
                assertThat(e.getMessage()).isEqualTo(message);
            });
    }

    @Test
    void filesTakesADashForTheDefaultLimitBeforeACursor() {
        assertThat(LineCodec.parse("files tok @carol - 40"))
            .isEqualTo(new Files("tok", new FileTarget.User("carol"), null, 40L));
        assertThat(LineCodec.format(new Files("tok", new FileTarget.Room(3), null, 40L))).isEqualTo("files tok 3 - 40");
    }

    @Test
    void theJsonFormNamesItsFields() {
        JsonObject frame = new JsonObject().put("command", "upload").put("target", "@bob").put("size", 5)
            .put("sha256", SHA).put("filename", "a.txt");
        assertThat(JsonCommandCodec.decode(frame, "session-token"))
            .isEqualTo(new Upload("session-token", new FileTarget.User("bob"), 5, SHA, "a.txt"));
        assertThat(JsonCommandCodec.decode(new JsonObject().put("command", "download").put("fileId", 4), "t"))
            .isEqualTo(new Download("t", 4));
        assertThatThrownBy(() -> JsonCommandCodec.decode(frame.copy().put("size", "5"), "t"))
            .hasMessage("size must be an integer");
        assertThatThrownBy(() -> JsonCommandCodec.decode(frame.copy().put("size", -5), "t"))
            .hasMessage("size must be a whole number of bytes");
        assertThatThrownBy(() -> JsonCommandCodec.decode(frame.copy().put("filename", "two\nlines"), "t"))
            .hasMessage("filename must be on one line");
    }

    @Test
    void readyLinesRoundTrip() {
        JsonObject ticket = new JsonObject().put("uploadId", "9f2c").put("size", 3);
        String line = LineReply.ready("upload", ticket);
        assertThat(line).isEqualTo("READY upload {\"uploadId\":\"9f2c\",\"size\":3}");
        assertThat(LineReply.parse(line + "\r\n")).isEqualTo(new Reply.Ready("upload", ticket));
        assertThatThrownBy(() -> LineReply.parse("READY upload []")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LineReply.parse("READY upload")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void targetsPrintAsTheyAreWritten() {
        assertThat(FileTarget.parse("42")).isEqualTo(new FileTarget.Room(42));
        assertThat(FileTarget.parse("@Bob").toString()).isEqualTo("@Bob");
        assertThat(new FileTarget.Room(42).toString()).isEqualTo("42");
        assertThatThrownBy(() -> FileTarget.parse("@bo b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FileTarget.parse("+7")).isInstanceOf(IllegalArgumentException.class);
    }
}
