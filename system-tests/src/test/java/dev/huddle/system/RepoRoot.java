package dev.huddle.system;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: the nearest directory up from here with pom.xml and docker-compose.yml. */
final class RepoRoot {

    private RepoRoot() {
    }

    static Path find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("run from inside the Huddle repository");
    }
}
