package dev.huddle.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces of send-file and get-file that need no server: the bar, the resume notes, names, -o. */
class CliFilesPartsTest {

    @TempDir
    Path home;

    @Test
    void theBarShowsHowFarAndHowFastAndRedrawsAtMostTenTimesASecond() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicLong nanos = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8), "report.pdf", true,
            nanos::get);
        assertThat(bar.line(512 * 1024, 1024 * 1024, 1_000_000_000L))
            .isEqualTo("report.pdf [##########----------]  50%  512.0 KB of 1.0 MB  512.0 KB/s");
        nanos.set(200_000_000);
        bar.update(100, 1000);
        nanos.set(250_000_000);
        bar.update(200, 1000); // within 100 ms of the last drawing: skipped
        nanos.set(260_000_000);
        bar.update(1000, 1000); // the end is always drawn
        bar.finish();
        String drawn = err.toString(StandardCharsets.UTF_8);
        assertThat(drawn.split("\r", -1)).hasSize(3);
        assertThat(drawn).contains(" 10%", "100%").doesNotContain(" 20%").endsWith("\n");
    }

    @Test
    void noTerminalNoBar() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8), "x", false, () -> 0L);
        bar.update(1, 2);
        bar.update(2, 2);
        bar.finish();
        assertThat(err.size()).isZero();
    }

    @Test
    void anUnfinishedUploadIsRememberedPerFileTargetAndServer() {
        UploadResumes resumes = new UploadResumes(home.resolve(".huddle/uploads"));
        URI server = URI.create("http://127.0.0.1:8083");
        URI upload = URI.create("http://127.0.0.1:8083/api/files/uploads/9f2c44e1d0b7a3c5e6f8a1b2c3d4e5f6");
        String sha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        resumes.save(sha, "@bob", server, upload);
        assertThat(resumes.find(sha, "@bob", server)).hasValue(upload);
        assertThat(resumes.find(sha, "7", server)).isEmpty();
        assertThat(resumes.find(sha, "@bob", URI.create("http://other:8083"))).isEmpty();
        resumes.forget(sha, "@bob", server);
        assertThat(resumes.find(sha, "@bob", server)).isEmpty();
    }

    @Test
    void dashOIsTheOutputOption() {
        Args args = Args.parse(List.of("12", "-o", "copy.pdf"), Set.of("output"), Set.of(), false);
        assertThat(args.value("output")).isEqualTo("copy.pdf");
        assertThat(args.positional()).containsExactly("12");
    }
}
