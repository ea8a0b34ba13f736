package dev.huddle.chat.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Types come from the bytes; names and claims play no part. */
class ContentSnifferTest {

    @Test
    void documentsAndImagesAreKnownByTheirMagicNumbers() {
        assertThat(ContentSniffer.detect(ascii("%PDF-1.7\n..."))).isEqualTo("application/pdf");
        assertThat(ContentSniffer.detect(bytes(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0)))
            .isEqualTo("image/png");
        assertThat(ContentSniffer.detect(bytes(0xff, 0xd8, 0xff, 0xe0))).isEqualTo("image/jpeg");
        assertThat(ContentSniffer.detect(ascii("GIF89a..."))).isEqualTo("image/gif");
        assertThat(ContentSniffer.detect(ascii("RIFF\0\0\0\0WEBPVP8 "))).isEqualTo("image/webp");
        assertThat(ContentSniffer.detect(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)))
            .isEqualTo("application/x-ole-storage");
    }

    @Test
    void zipArchivesAreToldApartByTheirEntries() throws IOException {
        assertThat(ContentSniffer.detect(zip("[Content_Types].xml", "word/document.xml"))).isEqualTo(ContentSniffer.DOCX);
        assertThat(ContentSniffer.detect(zip("[Content_Types].xml", "xl/workbook.xml"))).isEqualTo(ContentSniffer.XLSX);
        assertThat(ContentSniffer.detect(zip("[Content_Types].xml", "ppt/presentation.xml"))).isEqualTo(ContentSniffer.PPTX);
        assertThat(ContentSniffer.detect(zip("notes.txt"))).isEqualTo("application/zip");
    }

    @Test
    void textIsPlainTextAndNeverAPageABrowserWouldRender() {
        assertThat(ContentSniffer.detect("Xin chào\nthế giới".getBytes(StandardCharsets.UTF_8)))
            .isEqualTo("text/plain; charset=utf-8");
        assertThat(ContentSniffer.detect(ascii("<!DOCTYPE html><script>alert(1)</script>")))
            .isEqualTo("text/plain; charset=utf-8");
        assertThat(ContentSniffer.detect(ascii("<svg onload=alert(1)>"))).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void aHeadCutInsideACharacterIsStillText() {
        byte[] text = "ả".repeat(10).getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(text, text.length - 1);
        assertThat(ContentSniffer.detect(cut)).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void binaryAndEmptyFilesAreOctetStreams() {
        assertThat(ContentSniffer.detect(bytes(0, 1, 2, 3, 0xff))).isEqualTo(ContentSniffer.OCTET_STREAM);
        assertThat(ContentSniffer.detect(new byte[0])).isEqualTo(ContentSniffer.OCTET_STREAM);
        assertThat(ContentSniffer.detect(bytes(0xc3, 0x28, 'a'))).isEqualTo(ContentSniffer.OCTET_STREAM);
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
