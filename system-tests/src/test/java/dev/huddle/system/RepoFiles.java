package dev.huddle.system;

import dev.huddle.server.config.ServiceDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Locating the repository's deployment files, reading ./huddle's lists, and the port notation they share. */
final class RepoFiles {

    private RepoFiles() {
    }

    /** The repository root: the nearest directory from the working directory up with docker-compose.yml and pom.xml. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no directory with docker-compose.yml and pom.xml above "
            + Path.of("").toAbsolutePath());
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path file) {
        return read(file).lines().toList();
    }

    /**
     * A port as the deployment files write it, in one form: {@code 8081} for TCP (with or without
     * {@code /tcp}), {@code 10000/udp} for UDP.
     */
    static String normalizePort(String port) {
        String text = port.trim().toLowerCase(Locale.ROOT);
        return text.endsWith("/tcp") ? text.substring(0, text.length() - "/tcp".length()) : text;
    }

    /** The ports a service publishes, normalized: its HTTP port and each other port with its protocol. */
    static Set<String> publishedPorts(ServiceDescriptor service) {
        Set<String> ports = new TreeSet<>();
        ports.add(Integer.toString(service.defaultHttpPort()));
        for (ServiceDescriptor.PublishedPort port : service.otherPorts()) {
            ports.add(normalizePort(port.setting().defaultValue() + "/" + port.protocol()));
        }
        return ports;
    }
}
