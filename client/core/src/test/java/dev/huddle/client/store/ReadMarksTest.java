package dev.huddle.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadMarksTest {

    @TempDir
    Path dir;

    @Test
    void marksSurviveAReopenPerUserAndServer() {
        ReadMarks alice = ReadMarks.in(dir, "127.0.0.1:8081", "Alice");
        alice.read("project.7", 42);
        alice.read("dm.bob", 9);

        assertThat(ReadMarks.in(dir, "127.0.0.1:8081", "alice").get("project.7")).isEqualTo(42);
        assertThat(ReadMarks.in(dir, "127.0.0.1:8081", "alice").all()).containsKeys("project.7", "dm.bob");
        assertThat(ReadMarks.in(dir, "10.0.0.1:8081", "alice").get("project.7")).isZero();
        assertThat(ReadMarks.in(dir, "127.0.0.1:8081", "bob").get("project.7")).isZero();
    }

    @Test
    void aMarkNeverMovesBackAndForgettingRemovesIt() {
        ReadMarks marks = ReadMarks.in(dir, "h:1", "alice");
        marks.read("project.7", 42);
        marks.read("project.7", 40);
        assertThat(marks.get("project.7")).isEqualTo(42);

        marks.forget("project.7");

        assertThat(ReadMarks.in(dir, "h:1", "alice").all()).isEmpty();
    }

    @Test
    void writesOffTheCallingThreadAreCoalescedAndFlushWritesNow() {
        List<Runnable> queued = new ArrayList<>();
        ReadMarks marks = ReadMarks.in(dir, "h:1", "alice", queued::add);

        marks.read("project.7", 1);
        marks.read("project.7", 2);
        marks.read("dm.bob", 5);

        assertThat(queued).hasSize(1);
        assertThat(ReadMarks.in(dir, "h:1", "alice").all()).isEmpty();
        marks.flush();
        assertThat(ReadMarks.in(dir, "h:1", "alice").all()).containsEntry("project.7", 2L).containsEntry("dm.bob", 5L);
        queued.getFirst().run(); // the queued write finds nothing left to do
        marks.read("project.7", 3);
        assertThat(queued).hasSize(2);
    }

    @Test
    void aDamagedFileCostsOnlyTheDamagedMarks() throws Exception {
        Path file = dir.resolve("alice@h_1.properties");
        Files.writeString(file, "project.7=12\nproject.8=twelve\n\u0000garbage");

        ReadMarks marks = ReadMarks.in(dir, "h:1", "alice");

        assertThat(marks.get("project.7")).isEqualTo(12);
        assertThat(marks.get("project.8")).isZero();
    }
}
