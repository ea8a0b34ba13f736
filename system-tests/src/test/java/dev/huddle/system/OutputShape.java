package dev.huddle.system;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compares what a command printed with what the README shows, by shape: tokens, timestamps,
 * durations and numbers (ids, pids, ports) stand for any such value, runs of blanks for any run, and
 * {@code ...} in the README for anything. Pushed {@code EVENT} lines are compared apart from the
 * rest, because they may arrive before or after the reply that caused them.
 */
final class OutputShape {

    /** A JWT, or one the README abbreviates to its first characters and "...". */
    private static final Pattern TOKEN = Pattern.compile(
        "eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+|eyJ[A-Za-z0-9_-]*\\.\\.\\.");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    /** A duration as the launcher prints it: 42s, 3m05s, 2h07m, 3d04h. */
    private static final Pattern DURATION = Pattern.compile("\\b\\d+(d\\d\\dh|h\\d\\dm|m\\d\\ds|s)\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private OutputShape() {
    }

    static String normalize(String line) {
        String text = TOKEN.matcher(line).replaceAll("<token>");
        text = TIME.matcher(text).replaceAll("<time>");
        text = DURATION.matcher(text).replaceAll("<duration>");
        text = NUMBER.matcher(text).replaceAll("9");
        return text.replaceAll("[ \\t]+", " ").strip();
    }

    /** Null when the output has the README's shape; otherwise what differs. */
    static String mismatch(List<String> expected, List<String> actual) {
        String events = compare(only(expected, true), only(actual, true));
        String lines = compare(only(expected, false), only(actual, false));
        return lines != null ? lines : events;
    }

    private static List<String> only(List<String> lines, boolean events) {
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            String normalized = normalize(line);
            if (!normalized.isEmpty() && normalized.startsWith("EVENT ") == events) {
                kept.add(normalized);
            }
        }
        return kept;
    }

    private static String compare(List<String> expected, List<String> actual) {
        if (expected.size() != actual.size()) {
            return "expected " + expected.size() + " lines, got " + actual.size();
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!pattern(expected.get(i)).matcher(actual.get(i)).matches()) {
                return "line " + (i + 1) + ": expected shape\n    " + expected.get(i) + "\n  got\n    " + actual.get(i);
            }
        }
        return null;
    }

    private static Pattern pattern(String expected) {
        StringBuilder regex = new StringBuilder();
        for (String part : expected.split("\\.\\.\\.", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
