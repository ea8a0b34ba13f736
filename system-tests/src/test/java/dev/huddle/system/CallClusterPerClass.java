package dev.huddle.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link CallCluster} for a test class with a {@link LineClient} on its line port: started before
 * the class's first test, closed after its last, and the folder its nodes wrote in removed then. For
 * call tests that need nothing more at start-up; register it as a static
 * {@code @RegisterExtension} field.
 */
final class CallClusterPerClass implements BeforeAllCallback, AfterAllCallback {

    private Path root;
    private CallCluster cluster;
    private LineClient nc;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        root = Files.createTempDirectory("huddle-calls-");
        cluster = CallCluster.start(root, Clock.systemUTC());
        nc = LineClient.connect(cluster.linePort);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (nc != null) {
            nc.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (root != null) {
            try (Stream<Path> files = Files.walk(root)) {
                // children before their folders
                files.sorted(Comparator.reverseOrder()).forEach(CallClusterPerClass::delete);
            }
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder the nodes write in; a test may put its own files there too. */
    Path root() {
        return root;
    }

    CallCluster cluster() {
        return cluster;
    }

    /** The line-protocol client every test of the class shares (its rooms are made with it). */
    LineClient nc() {
        return nc;
    }
}
