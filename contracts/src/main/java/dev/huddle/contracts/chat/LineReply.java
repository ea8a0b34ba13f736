package dev.huddle.contracts.chat;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.chat.Reply.Err;
import dev.huddle.contracts.chat.Reply.Event;
import dev.huddle.contracts.chat.Reply.Ok;
import dev.huddle.contracts.chat.Reply.Ready;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * The lines chat-service sends on the line protocol, written by the server and read by clients:
 * <pre>
 * OK    &lt;command&gt; &lt;json&gt;               json: an object or array, compact, on one line
 * ERR   &lt;command&gt; &lt;CODE&gt; &lt;message&gt;     CODE: an ErrorCode name; message: one line, never empty
 * EVENT &lt;type&gt; &lt;json object&gt;
 * READY &lt;command&gt; &lt;json object&gt;         after upload: the client now sends the file's raw bytes
 * </pre>
 * Single spaces separate the parts; no line ending is included. JSON strings never hold a raw line
 * break ({@code encode()} escapes control characters), so one reply is always one line. Reading is
 * strict about this shape: anything else is an {@link IllegalArgumentException}.
 */
public final class LineReply {

    private static final int MAX_WORD = 32;

    private LineReply() {
    }

    /**
     * {@code OK <command> <json>}.
     *
     * @param json a {@link JsonObject} or {@link JsonArray}
     * @throws IllegalArgumentException for any other json, or a command that is not a plain word
     */
    public static String ok(String command, Object json) {
        return format(new Ok(word(command), json));
    }

    /**
     * {@code ERR <command> <CODE> <message>}. Never throws for odd input, since it is the error path:
     * a command that is not a plain word becomes {@code -}, line breaks and other control characters
     * in the message become spaces, and an empty message becomes the code in words.
     */
    public static String err(String command, ErrorCode code, String message) {
        ErrorCode safeCode = code == null ? ErrorCode.INTERNAL : code;
        return format(new Err(isWord(command) ? command : LineProtocolException.NO_COMMAND, safeCode,
            oneLine(message, safeCode)));
    }

    /** {@code ERR ...} for a refused command, echoing the command word it carries. */
    public static String err(LineProtocolException refusal) {
        return err(refusal.command(), refusal.code(), refusal.getMessage());
    }

    /**
     * {@code EVENT <type> <json>}.
     *
     * @throws IllegalArgumentException if type is not a plain word
     */
    public static String event(String type, JsonObject json) {
        return format(new Event(word(type), json));
    }

    /**
     * {@code READY <command> <json>}: the go-ahead for raw bytes after {@code upload}.
     *
     * @throws IllegalArgumentException if command is not a plain word
     */
    public static String ready(String command, JsonObject json) {
        return format(new Ready(word(command), json));
    }

    /** The line for a reply; {@code parse(format(r)).equals(r)} for every reply the server writes. */
    public static String format(Reply reply) {
        return switch (reply) {
            case Ok ok -> "OK " + ok.command() + " " + encode(ok.json());
            case Err err -> "ERR " + err.command() + " " + err.code().name() + " " + err.message();
            case Event event -> "EVENT " + event.type() + " " + event.json().encode();
            case Ready ready -> "READY " + ready.command() + " " + ready.json().encode();
        };
    }

    /**
     * Reads one line from the server (a trailing {@code \n} or {@code \r\n} is ignored).
     *
     * @throws IllegalArgumentException for null, or a line not shaped as above (including bad JSON)
     */
    public static Reply parse(String line) {
        if (line == null) {
            throw new IllegalArgumentException("no reply line");
        }
        String text = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        int first = text.indexOf(' ');
        int second = first < 0 ? -1 : text.indexOf(' ', first + 1);
        if (second < 0 || !isWord(text.substring(first + 1, second))) {
            throw malformed(text);
        }
        String kind = text.substring(0, first);
        String word = text.substring(first + 1, second);
        String rest = text.substring(second + 1);
        return switch (kind) {
            case "OK" -> new Ok(word, json(rest, text));
            case "ERR" -> error(word, rest, text);
            case "EVENT" -> new Event(word, object(rest, text));
            case "READY" -> new Ready(word, object(rest, text));
            default -> throw malformed(text);
        };
    }

    /**
     * Whether {@code text} may stand in a reply's command or type slot: 1 to 32 ASCII letters,
     * digits, {@code _}, {@code -} or {@code .}.
     */
    public static boolean isWord(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_WORD) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '_' || c == '-' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Reply error(String command, String rest, String line) {
        int space = rest.indexOf(' ');
        if (space <= 0 || space == rest.length() - 1) {
            throw malformed(line);
        }
        String code = rest.substring(0, space);
        if (!code.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c == '_')) {
            throw malformed(line);
        }
        return new Err(command, ErrorCode.fromName(code), rest.substring(space + 1));
    }

    private static Object json(String text, String line) {
        if (!text.startsWith("{") && !text.startsWith("[")) {
            throw malformed(line);
        }
        Object value;
        try {
            value = Json.decodeValue(text);
        } catch (RuntimeException e) {
            throw malformed(line);
        }
        if (value instanceof JsonObject || value instanceof JsonArray) {
            return value;
        }
        throw malformed(line);
    }

    private static JsonObject object(String text, String line) {
        if (json(text, line) instanceof JsonObject object) {
            return object;
        }
        throw malformed(line);
    }

    private static String encode(Object json) {
        return json instanceof JsonObject object ? object.encode() : ((JsonArray) json).encode();
    }

    private static String word(String word) {
        if (!isWord(word)) {
            throw new IllegalArgumentException("not a reply word: " + word);
        }
        return word;
    }

    private static String oneLine(String message, ErrorCode code) {
        StringBuilder clean = new StringBuilder();
        if (message != null) {
            message.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        }
        String text = clean.toString().strip();
        return text.isEmpty() ? code.name().toLowerCase(Locale.ROOT).replace('_', ' ') : text;
    }

    private static IllegalArgumentException malformed(String line) {
        String shown = line.length() <= 80 ? line : line.substring(0, 80) + "…";
        return new IllegalArgumentException("malformed reply line: " + shown);
    }
}
