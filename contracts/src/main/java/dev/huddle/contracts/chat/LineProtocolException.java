package dev.huddle.contracts.chat;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;

/**
 * A command that could not be read or broke a rule of the protocol, in either form (line or JSON).
 * It carries the command word the reply must echo: {@code ERR <command> <CODE> <message>}.
 * The word is always safe to write into a reply line: a known command word, a short lower-case
 * token, or {@code "-"} when the input named no usable command.
 */
public class LineProtocolException extends HuddleException {

    /** The command slot of an error reply when there is no command to name. */
    public static final String NO_COMMAND = "-";

    private static final int ECHO_MAX = 32;

    private final String command;

    public LineProtocolException(String command, ErrorCode code, String message) {
        super(code, message);
        this.command = LineReply.isWord(command) ? command : NO_COMMAND;
    }

    /** The command word to echo in the error reply, or {@link #NO_COMMAND}. */
    public String command() {
        return command;
    }

    /**
     * UNKNOWN_COMMAND for a word that names no {@link Verb}: {@code unknown command 'xyz'; try help}.
     * The word is echoed lower-cased in the command slot when it is a plain word, else {@code "-"};
     * in the message it is cut to 32 characters with control characters shown as {@code ?}.
     */
    static LineProtocolException unknownCommand(String word) {
        String shown = word.codePointCount(0, word.length()) <= ECHO_MAX ? word
            : word.substring(0, word.offsetByCodePoints(0, ECHO_MAX)) + "…";
        shown = shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        StringBuilder lower = new StringBuilder(word.length());
        word.chars().forEach(c -> lower.append((char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c)));
        return new LineProtocolException(lower.toString(), ErrorCode.UNKNOWN_COMMAND,
            "unknown command '" + shown + "'; try help");
    }

    static LineProtocolException badRequest(Verb verb, String message) {
        return new LineProtocolException(verb.word(), ErrorCode.BAD_REQUEST, message);
    }

    static LineProtocolException usage(Verb verb) {
        return badRequest(verb, "usage: " + verb.usage());
    }
}
