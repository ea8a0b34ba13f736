package dev.huddle.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One environment variable a service reads: its name, its documented default and how it is parsed.
 * Every service declares its settings as constants, so the docs, the compose-file test and start-up
 * validation all work from the same list.
 *
 * @param name         the environment variable, {@code HUDDLE_...}
 * @param defaultValue the value used when the variable is unset or blank, as it would be written
 * @param description  one line for docs/CONFIGURATION.md
 * @param parser       turns the text into the typed value; throws {@link IllegalArgumentException}
 *                     with a short reason when it cannot
 */
public record Setting<T>(String name, String defaultValue, String description, Function<String, T> parser) {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    /** Reads and parses the setting; a bad value stops start-up with a message naming the variable. */
    public T read(Env env) {
        String raw = env.get(name);
        String text = raw == null || raw.isBlank() ? defaultValue : raw.trim();
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw new ConfigException(name + ": " + e.getMessage() + " (got '" + text + "')");
        }
    }

    public static Setting<String> text(String name, String defaultValue, String description) {
        return new Setting<>(name, defaultValue, description, Function.identity());
    }

    public static Setting<Integer> port(String name, int defaultValue, String description) {
        return integer(name, defaultValue, 1, 65_535, description);
    }

    /** A port where 0 means "any free port". */
    public static Setting<Integer> portOrAny(String name, int defaultValue, String description) {
        return integer(name, defaultValue, 0, 65_535, description);
    }

    public static Setting<Integer> integer(String name, int defaultValue, int min, int max, String description) {
        return new Setting<>(name, Integer.toString(defaultValue), description, text -> {
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return value;
        });
    }

    public static Setting<Long> bytes(String name, long defaultValue, long min, String description) {
        return new Setting<>(name, Long.toString(defaultValue), description, text -> {
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a number of bytes");
            }
            if (value < min) {
                throw new IllegalArgumentException("must be at least " + min);
            }
            return value;
        });
    }

    public static Setting<Path> path(String name, String defaultValue, String description) {
        return new Setting<>(name, defaultValue, description, text -> Path.of(text).toAbsolutePath().normalize());
    }

    /** A file that may be left empty (feature off). Returns {@code null} for empty. */
    public static Setting<Path> optionalPath(String name, String description) {
        return new Setting<>(name, "", description, text -> text.isEmpty() ? null : Path.of(text).toAbsolutePath());
    }

    /** A duration written as {@code 250ms}, {@code 30s}, {@code 15m}, {@code 12h} or {@code 7d}. */
    public static Setting<Duration> duration(String name, String defaultValue, String description) {
        return new Setting<>(name, defaultValue, description, Setting::parseDuration);
    }

    /** A host name or IP literal; resolved at start-up so a typo fails early. */
    public static Setting<String> host(String name, String defaultValue, String description) {
        return new Setting<>(name, defaultValue, description, text -> {
            try {
                InetAddress.getByName(text);
                return text;
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("unknown host");
            }
        });
    }

    /** A comma-separated list; blanks dropped. */
    public static Setting<List<String>> list(String name, String defaultValue, String description) {
        return new Setting<>(name, defaultValue, description, text -> Arrays.stream(text.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList());
    }

    public static Setting<Boolean> flag(String name, boolean defaultValue, String description) {
        return new Setting<>(name, Boolean.toString(defaultValue), description, text ->
            switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "1" -> true;
                case "false", "no", "off", "0" -> false;
                default -> throw new IllegalArgumentException("must be true or false");
            });
    }

    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a duration like 250ms, 30s, 15m, 12h or 7d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
