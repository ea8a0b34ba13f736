package dev.huddle.desktop.model;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder downloaded files go to: {@code huddle.downloads} when set (the tests give a temporary
 * one), else {@code ~/Downloads} when it exists, else {@code ~/.huddle/downloads}.
 */
public final class Downloads {

    private Downloads() {
    }

    public static Path folder() {
        String configured = System.getProperty("huddle.downloads", "");
        if (!configured.isBlank()) {
            return Path.of(configured);
        }
        Path home = Path.of(System.getProperty("user.home"));
        Path usual = home.resolve("Downloads");
        return Files.isDirectory(usual) ? usual : home.resolve(".huddle").resolve("downloads");
    }
}
