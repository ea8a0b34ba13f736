package dev.huddle.client.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a client keeps its token so that the next start is logged in (huddle-cli after {@code login},
 * the desktop client after signing in):
 * {@code ~/.huddle/token}, readable by its owner only (mode 600, in a 700 directory), since the
 * token is as good as the password until it expires or {@code logout} revokes it.
 */
public final class TokenStore {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path file;

    public TokenStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * {@code ~/.huddle/token}, where {@code ~} is {@code $HOME} as shells have it (the JVM's
     * {@code user.home} comes from the password database instead and ignores {@code HOME=... huddle cli}),
     * or {@code user.home} when HOME is not set.
     */
    public static TokenStore inHome(Map<String, String> env) {
        String home = env.get("HOME");
        Path dir = home == null || home.isBlank() ? Path.of(System.getProperty("user.home")) : Path.of(home);
        return new TokenStore(dir.resolve(".huddle").resolve("token"));
    }

    public Path file() {
        return file;
    }

    /** The saved token, if there is one. */
    public Optional<String> read() {
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        } catch (IOException e) {
            // no file (never logged in, or logged out) or unreadable: either way, not logged in
            return Optional.empty();
        }
    }

    /**
     * Saves a token, replacing any other. The file is created with mode 600 before the token is
     * written, and moved into place, so the token is never readable by others, not even briefly.
     */
    public void save(String token) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, attributes("rwx------"));
            }
            Path temp = Files.createTempFile(dir, ".token", ".tmp", attributes("rw-------"));
            try {
                Files.writeString(temp, token + "\n", StandardCharsets.UTF_8);
                move(temp);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the token to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the token; true when there was one. */
    public boolean delete() {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
        }
    }

    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static FileAttribute<?>[] attributes(String permissions) {
        if (!POSIX) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
    }
}
