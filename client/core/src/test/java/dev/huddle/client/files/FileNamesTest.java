package dev.huddle.client.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileNamesTest {

    @Test
    void aNameFromTheServerNeverBecomesAPathOrAHiddenFile() {
        assertThat(FileNames.safe("report.pdf")).isEqualTo("report.pdf");
        assertThat(FileNames.safe("../../.bashrc")).isEqualTo("bashrc");
        assertThat(FileNames.safe("a\\b\\c.txt")).isEqualTo("c.txt");
        assertThat(FileNames.safe("..")).isEqualTo("download");
    }

    @Test
    void aDownloadNeverReplacesAFileAlreadyThere(@TempDir Path dir) throws Exception {
        assertThat(FileNames.free(dir, "report.pdf")).isEqualTo(dir.resolve("report.pdf"));
        Files.writeString(dir.resolve("report.pdf"), "mine");
        Files.writeString(dir.resolve("report (2).pdf"), "mine too");

        assertThat(FileNames.free(dir, "report.pdf")).isEqualTo(dir.resolve("report (3).pdf"));
        assertThat(FileNames.free(dir, "../x/.hidden")).isEqualTo(dir.resolve("hidden"));
    }
}
