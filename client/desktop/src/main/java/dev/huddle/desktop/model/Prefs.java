package dev.huddle.desktop.model;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the desktop client remembers between runs, in {@code ~/.huddle/desktop.properties}: the
 * server address last logged in to and whether to speak TLS to it (and the CA file to trust), the last
 * username, whether to stay logged in, and the theme.
 * Never a password or a token (a remembered token lives in its own owner-only file, {@code TokenStore}).
 */
public final class Prefs {

    private final Path file;
    private final Properties values = new Properties();

    public Prefs(Path file) {
        this.file = file;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
        } catch (IOException e) {
            // first run, or unreadable: start from the defaults
        }
    }

    public static Prefs inHome() {
        return new Prefs(Path.of(System.getProperty("user.home"), ".huddle", "desktop.properties"));
    }

    /** The folder the preferences live in, where the client keeps its other files too. */
    public Path dir() {
        return file.toAbsolutePath().getParent();
    }

    public String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    /** Saves at once; a file that cannot be written only costs the memory, never the session. */
    public void put(String key, String value) {
        values.setProperty(key, value);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                values.store(out, "Huddle desktop client");
            }
        } catch (IOException e) {
            // not remembered this time
        }
    }
}
