package dev.huddle.server.config;

import java.util.Map;

/** Where settings are read from: the process environment in production, a plain map in tests. */
@FunctionalInterface
public interface Env {

    /** The raw value, or {@code null} when the variable is unset. */
    String get(String name);

    static Env system() {
        return System::getenv;
    }

    static Env of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return copy::get;
    }
}
