package dev.huddle.client.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command line split into options and positional words. Options are {@code --name value},
 * {@code --name=value} or a bare {@code --flag} ({@code -h} is {@code --help}, {@code -o} is
 * {@code --output}); {@code --} ends them, so a word that starts with
 * {@code --} can still be given ({@code create -- --weird-name}).
 */
final class Args {

    private final List<String> positional;
    private final Map<String, String> values;
    private final List<String> rest;

    private Args(List<String> positional, Map<String, String> values, List<String> rest) {
        this.positional = positional;
        this.values = values;
        this.rest = rest;
    }

    /**
     * Reads {@code words}.
     *
     * @param withValue     option names (without {@code --}) that take a value
     * @param flags         option names that take none
     * @param stopAtWord    when true, reading stops at the first positional word: it and everything
     *                      after it are {@link #rest()}, untouched
     * @throws UsageException for an unknown option or a missing value
     */
    static Args parse(List<String> words, Set<String> withValue, Set<String> flags, boolean stopAtWord) {
        List<String> positional = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("--")) {
                positional.addAll(words.subList(i + 1, words.size()));
                break;
            }
            boolean isOption = word.startsWith("--") || word.equals("-h") || word.equals("-o");
            if (!isOption) {
                if (stopAtWord) {
                    return new Args(positional, values, List.copyOf(words.subList(i, words.size())));
                }
                positional.add(word);
                continue;
            }
            String name = word.equals("-h") ? "help" : word.equals("-o") ? "output" : word.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (flags.contains(name) && value == null) {
                values.put(name, "true");
            } else if (withValue.contains(name)) {
                if (value == null) {
                    if (i + 1 >= words.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = words.get(++i);
                }
                values.put(name, value);
            } else {
                throw new UsageException("unknown option '" + word + "'");
            }
        }
        return new Args(positional, values, List.of());
    }

    /** The positional words, in order. */
    List<String> positional() {
        return positional;
    }

    /** With {@code stopAtWord}: the first positional word and everything after it. */
    List<String> rest() {
        return rest;
    }

    String value(String name) {
        return values.get(name);
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    /** A copy with these option values added where this one has none. */
    Args withDefaults(Args defaults) {
        Map<String, String> merged = new HashMap<>(defaults.values);
        merged.putAll(values);
        return new Args(positional, merged, rest);
    }

    /** A positive whole number, e.g. a project id; {@code what} names it in the error. */
    static long positive(String word, String what) {
        boolean digits = !word.isEmpty() && word.length() <= 18 && word.chars().allMatch(c -> c >= '0' && c <= '9');
        long value = digits ? Long.parseLong(word) : 0;
        if (value <= 0) {
            throw new UsageException(what + " must be a positive whole number, not '" + word + "'");
        }
        return value;
    }

    /** A wrong command line: the CLI prints the message and exits with status 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
