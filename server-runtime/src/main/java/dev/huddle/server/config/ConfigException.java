package dev.huddle.server.config;

/**
 * A configuration value that cannot be used. The message is one line that names the variable, so a
 * service that fails to start says exactly what to fix.
 */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
