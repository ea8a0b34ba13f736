package dev.huddle.contracts.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.chat.Reply.Err;
import dev.huddle.contracts.chat.Reply.Event;
import dev.huddle.contracts.chat.Reply.Ok;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LineReplyTest {

    @Test
    void okCarriesTheCommandAndCompactJson() {
        JsonObject user = new JsonObject().put("id", 1).put("username", "alice").put("role", "user");
        assertThat(LineReply.ok("reg", user)).isEqualTo("OK reg {\"id\":1,\"username\":\"alice\",\"role\":\"user\"}");
        assertThat(LineReply.ok("projects", new JsonArray())).isEqualTo("OK projects []");
    }

    @Test
    void jsonWithLineBreaksInValuesStaysOnOneLine() {
        JsonObject tricky = new JsonObject().put("text", "line1\nline2\r\n\u2028end").put("tab", "a\tb");
        String line = LineReply.ok("chat", tricky);
        assertThat(line).doesNotContain("\n", "\r").contains("line1\\nline2\\r\\n");
        assertThat(((Ok) LineReply.parse(line)).object()).isEqualTo(tricky);
        assertThat(LineReply.event("chat", tricky)).doesNotContain("\n", "\r");
    }

    @Test
    void okRefusesAnythingButAnObjectOrArray() {
        assertThatThrownBy(() -> LineReply.ok("reg", "text")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LineReply.ok("reg", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LineReply.ok("two words", new JsonObject()))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errMessagesAreOneNonEmptyLine() {
        assertThat(LineReply.err("chat", ErrorCode.NOT_MEMBER, "not a member\r\nof project 7"))
            .isEqualTo("ERR chat NOT_MEMBER not a member  of project 7");
        assertThat(LineReply.err("chat", ErrorCode.RATE_LIMITED, " \n "))
            .isEqualTo("ERR chat RATE_LIMITED rate limited");
        assertThat(LineReply.err("chat", ErrorCode.INTERNAL, null)).isEqualTo("ERR chat INTERNAL internal");
    }

    @Test
    void errNeverThrowsForOddCommandOrCode() {
        assertThat(LineReply.err(null, null, "x")).isEqualTo("ERR - INTERNAL x");
        assertThat(LineReply.err("bad word\n", ErrorCode.BAD_REQUEST, "x")).isEqualTo("ERR - BAD_REQUEST x");
    }

    @Test
    void errForARefusalEchoesItsCommand() {
        LineProtocolException refusal = new LineProtocolException("chat", ErrorCode.BAD_REQUEST, "usage: chat ...");
        assertThat(LineReply.err(refusal)).isEqualTo("ERR chat BAD_REQUEST usage: chat ...");
    }

    @Test
    void eventsCarryTheirTypeAndObject() {
        JsonObject joined = new JsonObject().put("projectId", 1).put("username", "bob");
        assertThat(LineReply.event("joined", joined)).isEqualTo("EVENT joined {\"projectId\":1,\"username\":\"bob\"}");
    }

    static Stream<Reply> replies() {
        return Stream.of(
            new Ok("login", new JsonObject().put("token", "a.b.c").put("user", new JsonObject().put("id", 1))),
            new Ok("projects", new JsonArray().add(new JsonObject().put("id", 7).put("name", "Dự án 🚀"))),
            new Ok("quit", new JsonObject()),
            new Err("chat", ErrorCode.PAYLOAD_TOO_LARGE, "message longer than 4000 characters"),
            new Err("-", ErrorCode.BAD_REQUEST, "empty line"),
            new Event("chat", new JsonObject().put("projectId", 1).put("id", 10).put("username", "alice")
                .put("text", "Xin chào 👋").put("createdAt", "2024-10-30T09:15:02.114Z")),
            new Event("closing", new JsonObject().put("reason", "server shutting down")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void everyReplySurvivesFormatThenParse(Reply reply) {
        String line = LineReply.format(reply);
        assertThat(LineReply.parse(line)).isEqualTo(reply);
        assertThat(LineReply.parse(line + "\r\n")).isEqualTo(reply);
    }

    @Test
    void unknownErrorCodeFromANewerServerReadsAsInternal() {
        assertThat(LineReply.parse("ERR chat SOMETHING_NEW it happened"))
            .isEqualTo(new Err("chat", ErrorCode.INTERNAL, "it happened"));
    }

    @Test
    void okResultIsReadableAsObjectOrArray() {
        Ok ok = (Ok) LineReply.parse("OK projects [1,2]");
        assertThat(ok.array()).containsExactly(1, 2);
        assertThatThrownBy(ok::object).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "OK", "OK reg", "OK reg ", "OK reg notjson", "OK reg \"str\"", "OK reg 42",
        "OK reg {\"a\":1", "OK reg {} trailing", "OK  reg {}", "ERR", "ERR x", "ERR x BAD_REQUEST",
        "ERR x BAD_REQUEST ", "ERR x bad_request msg", "ERR x  msg", "EVENT", "EVENT y", "EVENT y notjson",
        "EVENT y []", "EVENT y null", "ok reg {}", "HELLO x {}", "garbage", "\u0000\u0001", "OK two words {}",
        "OK ab\u00e7 {}"})
    void malformedLinesAreIllegalArguments(String line) {
        assertThatThrownBy(() -> LineReply.parse(line)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("malformed reply line");
    }

    @Test
    void nullLineIsAnIllegalArgument() {
        assertThatThrownBy(() -> LineReply.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
