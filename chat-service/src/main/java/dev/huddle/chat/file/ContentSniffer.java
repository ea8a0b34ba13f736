package dev.huddle.chat.file;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * A file's content type from its first bytes (magic numbers), never from what the client claims:
 * a download's {@code Content-Type} then says what the bytes are. Types that a browser would run
 * or render as a page (HTML, SVG, scripts) are never produced: such text is {@code text/plain}.
 */
public final class ContentSniffer {

    /** How many leading bytes {@link #detect} looks at. */
    public static final int HEAD_BYTES = 8 * 1024;
    static final String OCTET_STREAM = "application/octet-stream";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private ContentSniffer() {
    }

    /**
     * The type of a file whose first bytes are {@code head} (up to {@link #HEAD_BYTES}; fewer for a
     * short file).
     */
    public static String detect(byte[] head) {
        if (startsWith(head, 0, "%PDF-")) {
            return "application/pdf";
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return "image/png";
        }
        if (startsWith(head, 0, 0xff, 0xd8, 0xff)) {
            return "image/jpeg";
        }
        if (startsWith(head, 0, "GIF87a") || startsWith(head, 0, "GIF89a")) {
            return "image/gif";
        }
        if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WEBP")) {
            return "image/webp";
        }
        if (startsWith(head, 0, 'P', 'K', 3, 4)) {
            return zipKind(head);
        }
        if (startsWith(head, 0, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
            return "application/x-ole-storage"; // .doc, .xls, .ppt: which one only the directory inside says
        }
        if (startsWith(head, 0, 0x1f, 0x8b)) {
            return "application/gzip";
        }
        if (startsWith(head, 0, "ID3") || startsWith(head, 0, 0xff, 0xfb)) {
            return "audio/mpeg";
        }
        if (head.length >= 12 && startsWith(head, 4, "ftyp")) {
            return "video/mp4";
        }
        return head.length > 0 && isText(head) ? "text/plain; charset=utf-8" : OCTET_STREAM;
    }

    // Office Open XML files are zip archives whose entries name the application's folder; the first
    // local headers sit in the first few kilobytes.
    private static String zipKind(byte[] head) {
        String names = new String(head, StandardCharsets.ISO_8859_1);
        if (names.contains("word/")) {
            return DOCX;
        }
        if (names.contains("xl/")) {
            return XLSX;
        }
        if (names.contains("ppt/")) {
            return PPTX;
        }
        return "application/zip";
    }

    private static boolean isText(byte[] head) {
        for (byte b : head) {
            int c = b & 0xff;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0c) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, completeUtf8(head)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    // The head may end in the middle of a multi-byte character: leave that character out.
    private static int completeUtf8(byte[] head) {
        int end = head.length;
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1] & 0xc0) == 0x80) {
            back++;
        }
        int lead = end - back - 1;
        if (lead >= 0 && (head[lead] & 0xc0) == 0xc0) {
            int needed = (head[lead] & 0xe0) == 0xc0 ? 1 : (head[lead] & 0xf0) == 0xe0 ? 2 : 3;
            return back < needed ? lead : end;
        }
        return end;
    }

    private static boolean startsWith(byte[] bytes, int offset, String ascii) {
        return startsWith(bytes, offset, ascii.chars().toArray());
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
