package dev.huddle.contracts.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.chat.Command.AddGroup;
import dev.huddle.contracts.chat.Command.Auth;
import dev.huddle.contracts.chat.Command.Chat;
import dev.huddle.contracts.chat.Command.History;
import dev.huddle.contracts.chat.Command.Logout;
import dev.huddle.contracts.chat.Command.Reg;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class JsonCommandCodecTest {

    static Iterable<Command> samples() {
        return SampleCommands.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyCommandSurvivesEncodeThenDecode(Command command) {
        JsonObject frame = JsonCommandCodec.encode(command);
        assertThat(JsonCommandCodec.decode(frame, null)).isEqualTo(command);
        assertThat(JsonCommandCodec.decode(JsonCommandCodec.parseFrame(frame.encode()), null)).isEqualTo(command);
    }

    @Test
    void framesUseTheDocumentedFieldNames() {
        assertThat(JsonCommandCodec.encode(new History("tok", 7, 50, 120L))).isEqualTo(new JsonObject(
            "{\"command\":\"history\",\"token\":\"tok\",\"projectId\":7,\"limit\":50,\"beforeId\":120}"));
        assertThat(JsonCommandCodec.encode(new Reg("alice", "pw", null)))
            .isEqualTo(new JsonObject("{\"command\":\"reg\",\"username\":\"alice\",\"password\":\"pw\"}"));
    }

    @Test
    void sessionTokenIsUsedWhenTheFrameHasNone() {
        JsonObject frame = new JsonObject("{\"id\":1,\"command\":\"chat\",\"projectId\":7,\"text\":\"hi\"}");
        assertThat(JsonCommandCodec.decode(frame, "session")).isEqualTo(new Chat("session", 7, "hi"));
        assertThat(JsonCommandCodec.decode(frame.copy().put("token", "own"), "session"))
            .isEqualTo(new Chat("own", 7, "hi"));
        assertThat(JsonCommandCodec.decode(frame.copy().putNull("token"), "session"))
            .as("null is absent").isEqualTo(new Chat("session", 7, "hi"));
    }

    @Test
    void missingTokenWithoutASessionIsAnInvalidToken() {
        JsonObject frame = new JsonObject().put("command", "logout");
        assertRefused(frame, "logout", ErrorCode.INVALID_TOKEN, "token required");
        assertThat(JsonCommandCodec.decode(frame, "s")).isEqualTo(new Logout("s"));
        assertThat(JsonCommandCodec.decode(new JsonObject().put("command", "AUTH").put("token", "t"), null))
            .isEqualTo(new Auth("t"));
    }

    @Test
    void commandsWithoutTokenNeedNoSession() {
        assertThat(JsonCommandCodec.decode(new JsonObject().put("command", "help"), null))
            .isEqualTo(new Command.Help());
        assertThat(JsonCommandCodec.decode(new JsonObject().put("command", "login").put("username", "a")
            .put("password", "correct horse"), null)).isEqualTo(new Command.Login("a", "correct horse"));
    }

    @Test
    void membersMayBeAStringOrAnArrayOfStrings() {
        JsonObject frame = new JsonObject().put("command", "add_group").put("token", "t").put("projectId", 7);
        assertThat(JsonCommandCodec.decode(frame.copy().put("members", " bob; carol "), null))
            .isEqualTo(new AddGroup("t", 7, "bob; carol"));
        assertThat(JsonCommandCodec.decode(frame.copy().put("members", new JsonArray().add("bob").add("carol")), null))
            .isEqualTo(new AddGroup("t", 7, "bob, carol"));
        assertRefused(frame.copy().put("members", new JsonArray()), "add_group", ErrorCode.BAD_REQUEST,
            "members required");
        assertRefused(frame.copy().put("members", new JsonArray().add("bob").add(3)), "add_group",
            ErrorCode.BAD_REQUEST, "members must be a string or an array of strings");
        assertRefused(frame.copy().put("members", 5), "add_group", ErrorCode.BAD_REQUEST, "members must be");
    }

    /** A valid frame of each kind; the tables below change or remove one field. */
    private static JsonObject base(String command) {
        return switch (command) {
            case "chat" -> new JsonObject().put("command", "chat").put("token", "t").put("projectId", 7)
                .put("text", "hi");
            case "reg" -> new JsonObject().put("command", "reg").put("username", "a").put("password", "p");
            case "history" -> new JsonObject().put("command", "history").put("token", "t").put("projectId", 7);
            case "dm" -> new JsonObject().put("command", "dm").put("token", "t").put("username", "b").put("text", "hi");
            default -> throw new IllegalArgumentException(command);
        };
    }

    /** {@code base(command)} with {@code field} set to the JSON {@code value}, or removed for {@code -}. */
    private static JsonObject with(String command, String field, String value) {
        JsonObject frame = base(command);
        if (value.equals("-")) {
            frame.remove(field);
        } else {
            frame.put(field, new JsonObject("{\"v\":" + value + "}").getValue("v"));
        }
        return frame;
    }

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "chat    | projectId | '\"7\"'  | projectId must be an integer",
        "chat    | projectId | 7.0      | projectId must be an integer",
        "chat    | projectId | true     | projectId must be an integer",
        "chat    | projectId | -        | projectId required",
        "chat    | text      | 42       | text must be a string",
        "chat    | text      | '[\"hi\"]' | text must be a string",
        "chat    | text      | -        | text required",
        "chat    | token     | 7        | token must be a string",
        "reg     | email     | '{}'     | email must be a string",
        "reg     | username  | -        | username required",
        "history | limit     | '\"10\"' | limit must be an integer",
        "history | beforeId  | 1.5      | beforeId must be an integer"})
    void wrongTypesAreBadRequestsNamingTheField(String command, String field, String value, String message) {
        assertRefused(with(command, field, value), command, ErrorCode.BAD_REQUEST, message);
    }

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "chat    | projectId | 0                    | project id must be a positive integer",
        "chat    | projectId | -3                   | project id must be a positive integer",
        "chat    | projectId | 99999999999999999999 | project id must be a positive integer",
        "chat    | text      | '\"  \"'             | message required",
        "chat    | text      | '\"a\\rb\"'          | message must not contain control characters",
        "history | limit     | 501                  | limit must be a whole number from 1 to 500",
        "history | limit     | 4294967297           | from 1 to 500",
        "history | beforeId  | 0                    | before id must be a positive integer",
        "dm      | username  | '\"b o b\"'          | username must be a single word"})
    void valueRulesAreTheSameAsOnTheLine(String command, String field, String value, String message) {
        assertRefused(with(command, field, value), command, ErrorCode.BAD_REQUEST, message);
    }

    @Test
    void aMessageOfSeveralLinesTravelsInJsonButNotAsALine() {
        Command chat = JsonCommandCodec.decode(new JsonObject().put("command", "chat").put("token", "t")
            .put("projectId", 7).put("text", "first\nsecond"), null);
        assertThat(chat).isEqualTo(new Command.Chat("t", 7, "first\nsecond"));
        assertThatThrownBy(() -> LineCodec.format(chat)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tooLongMessageIsTooLarge() {
        JsonObject frame = new JsonObject().put("command", "dm").put("token", "t").put("username", "bob");
        assertThat(JsonCommandCodec.decode(frame.copy().put("text", "😀".repeat(4_000)), null)).isNotNull();
        assertRefused(frame.copy().put("text", "😀".repeat(4_001)), "dm", ErrorCode.PAYLOAD_TOO_LARGE, "4000");
    }

    @Test
    void missingOrUnknownCommandIsRefused() {
        assertRefused(new JsonObject(), "-", ErrorCode.BAD_REQUEST, "command required");
        assertRefused(new JsonObject().put("command", 3), "-", ErrorCode.BAD_REQUEST, "command required");
        assertRefused(new JsonObject().put("command", "xyz"), "xyz", ErrorCode.UNKNOWN_COMMAND,
            "unknown command 'xyz'");
        assertRefused(null, "-", ErrorCode.BAD_REQUEST, "frame must be a JSON object");
    }

    @Test
    void framesThatAreNotJsonObjectsAreRefused() {
        for (String text : new String[] {"", "nope", "[1,2]", "\"chat\"", "{\"command\":", null}) {
            assertThatThrownBy(() -> JsonCommandCodec.parseFrame(text)).isInstanceOfSatisfying(
                LineProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
        }
    }

    @Test
    void repliesEchoTheRequestId() {
        JsonObject request = new JsonObject().put("id", new JsonObject().put("n", 1)).put("command", "chat");
        Object id = JsonCommandCodec.requestId(request);
        assertThat(JsonCommandCodec.okFrame(id, "chat", new JsonObject().put("id", 10))).isEqualTo(new JsonObject(
            "{\"id\":{\"n\":1},\"ok\":true,\"command\":\"chat\",\"result\":{\"id\":10}}"));
        assertThat(JsonCommandCodec.errFrame("a7", "chat", ErrorCode.NOT_MEMBER, "not a member"))
            .isEqualTo(new JsonObject().put("id", "a7").put("ok", false).put("command", "chat")
                .put("error", new JsonObject().put("code", "NOT_MEMBER").put("message", "not a member")));
        assertThat(JsonCommandCodec.okFrame(null, "projects", new JsonArray()).containsKey("id")).isFalse();
        assertThat(JsonCommandCodec.requestId(null)).isNull();
    }

    @Test
    void errFrameForARefusalNamesItsCommandAndCode() {
        JsonObject frame = JsonCommandCodec.errFrame(5, new LineProtocolException("kick", ErrorCode.BAD_REQUEST, ""));
        assertThat(frame.getString("command")).isEqualTo("kick");
        assertThat(frame.getJsonObject("error").getString("message")).isEqualTo("bad request");
    }

    @Test
    void eventFramesWrapTheData() {
        JsonObject data = new JsonObject().put("projectId", 1).put("username", "bob");
        assertThat(JsonCommandCodec.eventFrame("joined", data))
            .isEqualTo(new JsonObject().put("event", "joined").put("data", data));
    }

    private static void assertRefused(JsonObject frame, String command, ErrorCode code, String messagePart) {
        assertThatThrownBy(() -> JsonCommandCodec.decode(frame, null)).isInstanceOfSatisfying(
            LineProtocolException.class, e -> {
            assertThat(e.command()).as("command").isEqualTo(command);
            assertThat(e.code()).as("code").isEqualTo(code);
            assertThat(e.getMessage()).as("message").contains(messagePart);
        });
    }
}
