package dev.huddle.server.trust;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files only their owner may read (keys, the cluster secret), written so that a reader never sees
 * half a file: the text goes to a private temporary file beside the target, is flushed to disk,
 * and is then linked or moved into place.
 */
public final class PrivateFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Creates {@code file} with {@code text} unless it exists. A hard link, unlike a rename, never
     * replaces an existing file, so when two processes race on an empty directory both end up
     * with the first file written.
     *
     * @return {@code true} if this call wrote the file, {@code false} if it already existed
     */
    public static boolean createIfAbsent(Path file, String text) throws IOException {
        Path temp = writeTemp(file, text);
        try {
            Files.createLink(file, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException e) {
            // no hard links here (some network and FUSE file systems): an atomic rename that keeps an existing file
            if (Files.exists(file)) {
                return false;
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes {@code file} with {@code text}, replacing it atomically if it exists. */
    public static void replace(Path file, String text) throws IOException {
        Path temp = writeTemp(file, text);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Reads a private file, warning when users other than its owner can read it. */
    public static String read(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                LOG.warn("{} is accessible to other users ({}); chmod 600 it", file,
                    PosixFilePermissions.toString(permissions));
            }
        }
        // ISO-8859-1 decodes any bytes, so a binary file is reported as corrupt by the parser, not as unreadable
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    private static Path writeTemp(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
        FileAttribute<?>[] attributes = posix
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
            : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attributes);
        Files.writeString(temp, text, StandardCharsets.US_ASCII);
        try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return temp;
    }
}
