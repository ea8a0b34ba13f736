package dev.huddle.server.actionlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides passwords and tokens in text about to be written to a log.
 *
 * <p>{@link #mask(String)} replaces each secret with {@value #MASK} and leaves everything else as
 * it was:
 * <ul>
 *   <li>line-protocol commands, one per line: {@code reg <user> <password> [<email>]} masks the
 *       password, {@code login <user> <password>} everything after the user name, and
 *       {@code logout <token>} the token, JWT-shaped or not;</li>
 *   <li>a command word glued to what follows by something other than a space or tab
 *       ({@code login<NBSP>bob<NBSP>pw}), or words separated by any other blank, control or format
 *       character ({@code login alice<U+3000>pw}): everything after {@code reg}, {@code login} or
 *       {@code logout} is masked, as which part is the secret cannot be told;</li>
 *   <li>values of the JSON fields {@code password}, {@code newPassword}, {@code currentPassword},
 *       {@code token}, {@code accessToken}, {@code refreshToken}, and the second factor's {@code totp},
 *       {@code setupCode}, {@code secret}, {@code otpauthUri} and {@code recoveryCodes} (any case), the name compared
 *       once its escapes are decoded ({@code "pass\\u0077ord"} too), also inside a longer line such as
 *       {@code POST /api/auth/login {"username":"a","password":"x"}} and in JSON that does not
 *       parse;</li>
 *   <li>{@code Bearer <credentials>}, the HTTP authorisation scheme (any case);</li>
 *   <li>anything shaped like a JWT: three base64url segments joined by dots, the first starting
 *       with {@code eyJ} (the encoding of <code>{"</code>), the last possibly empty as in an
 *       unsigned token. This covers every other command that carries a token.</li>
 * </ul>
 *
 * <p>Masking never throws and takes time linear in the input: the patterns are possessive and the
 * JSON values are scanned by hand, because the input is whatever a client chose to send.
 */
public final class SecretMasker {

    /** What a secret is replaced with. */
    public static final String MASK = "********";

    // The look-behind makes a match start only at the beginning of a base64url run, which keeps
    // the scan linear on inputs such as "eyJeyJeyJ...".
    private static final Pattern JWT = Pattern.compile(
            "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]*+\\.[A-Za-z0-9_=-]++\\.[A-Za-z0-9_=-]*+");

    // Quotes, commas and semicolons end the credentials so that a header quoted inside JSON stays
    // valid JSON after masking.
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\h++)[^\\s\"',;]++");

    // A word ends at any blank a client may type or paste, not only at ASCII ones: "login alice\u3000pw"
    // (an ideographic space from an input method) is three words, and pw the secret. Controls and format
    // characters separate words too.
    private static final Pattern WORD = Pattern.compile("[^\\p{javaWhitespace}\\p{Z}\\p{Cc}\\p{Cf}]++");

    private static final Set<String> SECRET_FIELDS = Set.of(
            "password", "newpassword", "currentpassword", "token", "accesstoken", "refreshtoken",
            "totp", "setupcode", "secret", "otpauthuri", "recoverycodes");

    private SecretMasker() {
    }

    /**
     * Returns {@code text} with every secret replaced by {@value #MASK}.
     *
     * <p>Fails closed: should masking itself go wrong, the whole text is replaced by the mask
     * rather than risk writing a secret.
     *
     * @param text any text, including {@code null}, empty, malformed JSON or unbalanced quotes
     * @return the masked text; {@code ""} for {@code null}; never throws
     */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        try {
            // Every command of every service passes here, on an event loop: each pass runs only
            // when a cheap look says its kind of secret can be present.
            // Bearer first: a command's masking may replace the word "bearer" itself (it can be the
            // password of "reg <user> bearer <token>"), which would leave the token after it unmarked.
            String masked = containsIgnoreCase(text, "bearer")
                ? BEARER.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK)) : text;
            masked = maskCommands(masked);
            if (masked.indexOf('"') >= 0) {
                masked = maskJsonSecrets(masked);
            }
            return masked.contains("eyJ") ? JWT.matcher(masked).replaceAll(Matcher.quoteReplacement(MASK)) : masked;
        } catch (RuntimeException e) {
            return MASK;
        }
    }

    /** Masks the secret words of the commands that carry one (reg, login, logout, passwd, totp_*), line by line. */
    static String maskCommands(String text) {
        if (text.indexOf('\n') < 0) {
            return maskCommandLine(text);
        }
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        while (true) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            out.append(maskCommandLine(text.substring(start, end)));
            if (newline < 0) {
                return out.toString();
            }
            out.append('\n');
            start = newline + 1;
        }
    }

    private static String maskCommandLine(String line) {
        if (!mayStartWithSecretCommand(line)) {
            return line;
        }
        Matcher words = WORD.matcher(line);
        if (!words.find()) {
            return line;
        }
        String command = words.group().toLowerCase(Locale.ROOT);
        String glued = gluedSecretCommand(command);
        if (glued != null) {
            int cut = words.start() + glued.length();
            return line.substring(0, cut) + MASK;
        }
        int firstSecret = switch (command) {
            case "reg", "login" -> 2;
            case "logout", "passwd", "totp_confirm", "totp_disable" -> 1;
            default -> -1;
        };
        if (firstSecret < 0) {
            return line;
        }
        if (hasOtherSeparator(line, words.end())) {
            // which words the server would take for the user and the password cannot be told
            return line.substring(0, words.end()) + MASK;
        }
        List<int[]> spans = new ArrayList<>();
        do {
            spans.add(new int[] {words.start(), words.end()});
        } while (words.find());
        if (spans.size() <= firstSecret) {
            return line;
        }
        // A well-formed reg keeps its e-mail readable. With extra words the password may contain
        // spaces, and which words belong to it cannot be told, so everything after the user goes.
        boolean onlySecretWord = command.equals("reg") && spans.size() <= 4;
        int from = spans.get(firstSecret)[0];
        int to = onlySecretWord ? spans.get(firstSecret)[1] : spans.get(spans.size() - 1)[1];
        return line.substring(0, from) + MASK + line.substring(to);
    }

    /**
     * The secret-carrying command a word starts with when something other than a letter, digit or
     * underscore follows it, else null: {@code login<NBSP>bob} gives {@code login}. Longer words
     * come before their prefixes ({@code logout} before {@code login}).
     */
    private static String gluedSecretCommand(String word) {
        for (String command : new String[] {"logout", "login", "reg", "passwd", "totp_confirm", "totp_disable"}) {
            if (word.length() > command.length() && word.startsWith(command)) {
                char after = word.charAt(command.length());
                boolean wordChar = Character.isLetterOrDigit(after) || after == '_';
                return wordChar ? null : command;
            }
        }
        return null;
    }

    /** False when the first word cannot be a command carrying a secret (they start with r, l, p or t). */
    private static boolean mayStartWithSecretCommand(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = Character.toLowerCase(line.charAt(i));
            if (!isSeparator(c)) {
                return c == 'r' || c == 'l' || c == 'p' || c == 't';
            }
        }
        return false;
    }

    /** Whether words after {@code from} are separated by anything but spaces and tabs (a final CR aside). */
    private static boolean hasOtherSeparator(String line, int from) {
        int end = line.endsWith("\r") ? line.length() - 1 : line.length();
        for (int i = from; i < end; i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t' && isSeparator(c)) {
                return true;
            }
        }
        return false;
    }

    /** The characters {@link #WORD} stops at. */
    private static boolean isSeparator(char c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.CONTROL
            || type == Character.FORMAT;
    }

    private static boolean containsIgnoreCase(String text, String word) {
        for (int i = 0; i + word.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Masks the values of secret JSON fields, wherever JSON sits in the text, whether or not the
     * whole text parses. A field is recognised by its name as decoded ({@code "pass\\u0077ord"} is
     * {@code password}), never by its raw spelling. A key is a string literal whose opening quote
     * follows {@code {} or {@code ,} and is followed by {@code :}; looking for that shape at every
     * quote, rather than tracking which quotes open strings, keeps a stray quote earlier in the
     * text from hiding a key. String values keep their quotes; {@code null}, {@code true} and
     * {@code false} are kept; any other value (a number, object or array) becomes the quoted mask.
     */
    static String maskJsonSecrets(String text) {
        StringBuilder out = null;
        int copied = 0;
        int i = text.indexOf('"');
        while (i >= 0) {
            int next = i + 1;
            if (opensKey(text, i)) {
                int keyEnd = closingQuote(text, i + 1);
                int colon = skipSpace(text, keyEnd + 1);
                if (keyEnd < text.length() && colon < text.length() && text.charAt(colon) == ':'
                        && isSecretField(JsonStrings.decode(text, i + 1, keyEnd))) {
                    int valueStart = skipSpace(text, colon + 1);
                    if (out == null) {
                        out = new StringBuilder(text.length());
                    }
                    if (valueStart < text.length() && text.charAt(valueStart) == '"') {
                        int valueEnd = closingQuote(text, valueStart + 1);
                        out.append(text, copied, valueStart + 1).append(MASK);
                        copied = valueEnd;
                        next = valueEnd + 1;
                    } else if (JsonStrings.isLiteralAt(text, valueStart)) {
                        out.append(text, copied, valueStart);
                        copied = valueStart;
                        next = valueStart;
                    } else {
                        int valueEnd = JsonStrings.valueEnd(text, valueStart);
                        out.append(text, copied, valueStart).append('"').append(MASK).append('"');
                        copied = valueEnd;
                        next = valueEnd;
                    }
                } else {
                    next = Math.max(next, keyEnd);
                }
            }
            i = next >= text.length() ? -1 : text.indexOf('"', next);
        }
        if (out == null) {
            return text;
        }
        return out.append(text, Math.min(copied, text.length()), text.length()).toString();
    }

    /** Whether a field of this name (decoded) holds a secret; any case. */
    static boolean isSecretField(String name) {
        return SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT));
    }

    private static boolean opensKey(String text, int quote) {
        int j = quote - 1;
        while (j >= 0 && Character.isWhitespace(text.charAt(j))) {
            j--;
        }
        return j >= 0 && (text.charAt(j) == '{' || text.charAt(j) == ',');
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Index of the quote that ends a JSON string starting at {@code from}, skipping escaped
     * characters; the text length when the string never ends, so an unterminated value is masked
     * to the end rather than leaked.
     */
    static int closingQuote(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i;
            } else {
                i++;
            }
        }
        return text.length();
    }
}
