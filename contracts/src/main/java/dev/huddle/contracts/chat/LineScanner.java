package dev.huddle.contracts.chat;

import java.util.Arrays;

/**
 * Walks one command line: words separated by runs of spaces and tabs, then possibly the rest of
 * the line as one free argument. The line ending ({@code \n}, {@code \r\n} or {@code \r}) is not
 * part of the line.
 */
final class LineScanner {

    private final String line;
    private final int end;
    private int pos;

    LineScanner(String line) {
        this.line = line;
        this.end = contentEnd(line);
    }

    /** Where the line's content ends: before a trailing {@code \n}, {@code \r\n} or {@code \r}. */
    static int contentEnd(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /** The next word, or null at the end of the line. */
    String next() {
        skipBlanks();
        if (pos == end) {
            return null;
        }
        int start = pos;
        while (pos < end && !Checks.isBlank(line.charAt(pos))) {
            pos++;
        }
        return line.substring(start, pos);
    }

    /**
     * Everything after the separator run that follows the last word, exactly as typed (trailing
     * spaces included), or null when nothing but blanks is left.
     */
    String rest() {
        skipBlanks();
        if (pos == end) {
            return null;
        }
        String rest = line.substring(pos, end);
        pos = end;
        return rest;
    }

    /** Between {@code min} and {@code max} words and nothing after them, else a usage error. */
    String[] words(Verb verb, int min, int max) {
        String[] words = new String[max];
        int count = 0;
        for (String word = next(); word != null; word = next()) {
            if (count == max) {
                throw LineProtocolException.usage(verb);
            }
            words[count++] = word;
        }
        if (count < min) {
            throw LineProtocolException.usage(verb);
        }
        return Arrays.copyOf(words, count);
    }

    /** Exactly {@code count} words, with more of the line to follow, else a usage error. */
    String[] head(Verb verb, int count) {
        String[] words = new String[count];
        for (int i = 0; i < count; i++) {
            words[i] = next();
            if (words[i] == null) {
                throw LineProtocolException.usage(verb);
            }
        }
        return words;
    }

    /** The free argument that ends the line ({@link #rest()}), else a usage error. */
    String free(Verb verb) {
        String rest = rest();
        if (rest == null) {
            throw LineProtocolException.usage(verb);
        }
        return rest;
    }

    /** Whether only blanks are left. */
    boolean atEnd() {
        skipBlanks();
        return pos == end;
    }

    private void skipBlanks() {
        while (pos < end && Checks.isBlank(line.charAt(pos))) {
            pos++;
        }
    }
}
