package dev.huddle.client.files;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where a downloaded file may be written: the name the server gives it is only a suggestion. */
public final class FileNames {

    private FileNames() {
    }

    /** The name without any folder, leading dots or spaces: never a path, never hidden, never empty. */
    public static String safe(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("^[.\\s]+", "");
        return base.isEmpty() ? "download" : base;
    }

    /** {@code dir/name}, or {@code dir/name (2).ext} and so on when taken: a download never replaces a file. */
    public static Path free(Path dir, String name) {
        String safe = safe(name);
        int dot = safe.lastIndexOf('.');
        String stem = dot > 0 ? safe.substring(0, dot) : safe;
        String extension = dot > 0 ? safe.substring(dot) : "";
        Path candidate = dir.resolve(safe);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = dir.resolve(stem + " (" + n + ")" + extension);
        }
        return candidate;
    }
}
