package dev.huddle.room.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a typed member list such as {@code alice, bob; carol} or {@code [alice, bob]} into usernames.
 *
 * <ul>
 *   <li>Names are separated by {@code ,} or {@code ;}, in any mix.</li>
 *   <li>White space, square brackets and quotes around a name are dropped, so {@code [a, b]} and the
 *       JSON-looking {@code ["a", "b"]} read as {@code a} and {@code b}. Inside a name nothing is
 *       changed: {@code bob smith} stays one (unknown) name rather than being guessed apart.</li>
 *   <li>Blank entries are dropped; so are repeats, compared ignoring case, keeping the first spelling.</li>
 *   <li>The order is kept, so the answer can list outcomes in the order the user typed the names.</li>
 * </ul>
 * Nothing here checks that a name is a valid username: unknown names are reported later, by the
 * service, as {@code unknown_user}. Never throws.
 */
public final class MemberListParser {

    private MemberListParser() {
    }

    /** The usernames in {@code text}; empty for {@code null} or blank text. */
    public static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == ';') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return normalize(parts);
    }

    /** The same cleaning for names that arrived as a list (a JSON array): trimmed, blanks and repeats dropped. */
    public static List<String> normalize(List<String> names) {
        if (names == null) {
            return List.of();
        }
        Map<String, String> distinct = new LinkedHashMap<>();
        for (String name : names) {
            String clean = clean(name);
            if (!clean.isEmpty()) {
                distinct.putIfAbsent(clean.toLowerCase(Locale.ROOT), clean);
            }
        }
        return List.copyOf(distinct.values());
    }

    private static String clean(String name) {
        if (name == null) {
            return "";
        }
        int from = 0;
        int to = name.length();
        while (from < to && isWrapping(name.charAt(from))) {
            from++;
        }
        while (to > from && isWrapping(name.charAt(to - 1))) {
            to--;
        }
        return name.substring(from, to);
    }

    // Space-like characters include the no-break space a chat client may paste in.
    private static boolean isWrapping(char c) {
        return c == '[' || c == ']' || c == '"' || c == '\'' || Character.isWhitespace(c) || Character.isSpaceChar(c)
            || Character.isISOControl(c);
    }
}
