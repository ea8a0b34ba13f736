package dev.huddle.client.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@code send-file} remembers an unfinished upload's URL ({@code ~/.huddle/uploads/}), keyed by
 * the file's SHA-256 and its target, so running the same command again after a lost connection or a
 * Ctrl-C resumes from what the server already has instead of starting over.
 */
final class UploadResumes {

    private final Path dir;

    UploadResumes(Path dir) {
        this.dir = dir;
    }

    Optional<URI> find(String sha256, String target, URI server) {
        try {
            String saved = Files.readString(file(sha256, target, server), StandardCharsets.UTF_8).strip();
            return saved.isEmpty() ? Optional.empty() : Optional.of(URI.create(saved));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    void save(String sha256, String target, URI server, URI upload) {
        try {
            Files.createDirectories(dir);
            Files.writeString(file(sha256, target, server), upload.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // resuming is a convenience: the upload itself goes on
        }
    }

    void forget(String sha256, String target, URI server) {
        try {
            Files.deleteIfExists(file(sha256, target, server));
        } catch (IOException e) {
            // a stale entry is found stale next time (HEAD answers 404) and replaced
        }
    }

    // the target and server are hashed into the name: "@bob" and "host:port" are not file-name safe everywhere
    private Path file(String sha256, String target, URI server) {
        String key = dev.huddle.client.files.Sha256.hex((target + " " + server).getBytes(StandardCharsets.UTF_8));
        return dir.resolve(sha256 + "-" + key.substring(0, 16));
    }
}
