package dev.huddle.chat.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.huddle.contracts.chat.FileSize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiterString = " => ", value = {
        "../../etc/passwd => etcpasswd",
        "..\\..\\windows\\system32 => windowssystem32",
        "report.pdf => report.pdf",
        "  Báo cáo quý 3.docx  => Báo cáo quý 3.docx",
        ".bashrc => bashrc",
        ".. => file",
        "/ => file"})
    void namesLoseTheirPathSeparatorsAndLeadingDots(String sent, String kept) {
        assertThat(FileNames.sanitize(sent)).isEqualTo(kept);
    }

    @Test
    void controlAndFormatCharactersAreRemovedSoANameCannotDisguiseItsExtension() {
        assertThat(FileNames.sanitize("in\u0007voice\u202Egpj.exe")).isEqualTo("invoicegpj.exe");
        assertThat(FileNames.sanitize("a\u0000b\nc\td\u2028e\u200Bf")).isEqualTo("abcdef");
        assertThat(FileNames.sanitize(null)).isEqualTo("file");
    }

    @Test
    void aVeryLongNameKeepsItsEnd() {
        String kept = FileNames.sanitize("x".repeat(500) + ".pdf");
        assertThat(kept.codePointCount(0, kept.length())).isEqualTo(FileNames.MAX_CODE_POINTS);
        assertThat(kept).endsWith(".pdf");
    }

    @Test
    void contentDispositionHasAnAsciiFallbackAndTheExactUtf8Name() {
        assertThat(FileNames.contentDisposition("Kế hoạch \"Q3\".pdf"))
            .isEqualTo("attachment; filename=\"K_ ho_ch Q3.pdf\"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20%22Q3%22.pdf");
        assertThat(FileNames.contentDisposition("a;b=c.txt"))
            .isEqualTo("attachment; filename=\"a;b=c.txt\"; filename*=UTF-8''a%3Bb%3Dc.txt");
    }

    @Test
    void sizesReadAsFileManagersShowThem() {
        assertThat(FileSize.human(0)).isEqualTo("0 B");
        assertThat(FileSize.human(1023)).isEqualTo("1023 B");
        assertThat(FileSize.human(1536)).isEqualTo("1.5 KB");
        assertThat(FileSize.human(2_411_724)).isEqualTo("2.3 MB");
        assertThat(FileSize.human(25L * 1024 * 1024)).isEqualTo("25.0 MB");
    }
}
