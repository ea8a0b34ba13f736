package dev.huddle.system;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class of file transfers with a cluster of its own (auth, rooms and two chat-service
 * instances sharing a data directory), started with {@link FileFixture#ENV}'s small limits.
 */
abstract class FileClusterTest {

    @TempDir
    static Path root;
    static ChatCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = ChatCluster.start(root, FileFixture.ENV);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }
}
