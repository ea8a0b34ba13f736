package dev.huddle.contracts.chat;

import java.util.Locale;

/**
 * A file size as people read it, the same in a file message ({@code alice: shared report.pdf
 * (2.3 MB)}) and in every client: bytes below 1 KB, then KB, MB, GB, TB in binary multiples with
 * one decimal, as file managers show them.
 */
public final class FileSize {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    private FileSize() {
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
