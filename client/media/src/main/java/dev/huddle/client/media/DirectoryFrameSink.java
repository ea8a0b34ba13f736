package dev.huddle.client.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes each received frame as {@code <username>-<frame number>.jpg}, the JPEG bytes as received
 * (they decoded, so the file is a whole picture). Written to a temporary name and moved into place,
 * so a reader never sees a half-written file.
 */
public final class DirectoryFrameSink implements FrameSink {

    private final Path directory;

    public DirectoryFrameSink(Path directory) {
        try {
            this.directory = Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void frame(String peer, long frameNumber, BufferedImage image, byte[] jpeg) {
        String name = peer.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + frameNumber + ".jpg";
        try {
            Path partial = Files.write(directory.resolve(name + ".part"), jpeg);
            Files.move(partial, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
