package dev.huddle.client.cli;

import dev.huddle.client.files.Progress;
import dev.huddle.contracts.chat.FileSize;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A transfer's progress on one terminal line (stderr, so stdout stays the JSON result):
 * {@code report.pdf [##########----------]  51%  1.2 MB of 2.3 MB  8.4 MB/s}, redrawn at most ten
 * times a second. Silent when the output is not a terminal, so scripts and logs get no {@code \r}s.
 */
final class ProgressBar implements Progress {

    private static final int WIDTH = 20;
    private static final long REDRAW_NANOS = 100_000_000;

    private final PrintStream err;
    private final String label;
    private final boolean enabled;
    private final LongSupplier nanos;
    private final long started;
    private long lastDrawn;
    private boolean drawn;

    ProgressBar(PrintStream err, String label, boolean enabled, LongSupplier nanos) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
        this.nanos = nanos;
        this.started = nanos.getAsLong();
    }

    @Override
    public void update(long done, long total) {
        long now = nanos.getAsLong();
        if (!enabled || (drawn && now - lastDrawn < REDRAW_NANOS && done < total)) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        err.print("\r" + line(done, total, now - started));
        err.flush();
    }

    /** Ends the bar's line (nothing when nothing was drawn). */
    void finish() {
        if (drawn) {
            err.println();
        }
    }

    String line(long done, long total, long elapsedNanos) {
        double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
        return String.format(Locale.ROOT, "%s [%s%s] %3d%%  %s of %s  %s/s", label, "#".repeat(filled),
            "-".repeat(WIDTH - filled), Math.round(fraction * 100), size(done), size(Math.max(total, 0)),
            size((long) (done / seconds)));
    }

    private static String size(long bytes) {
        return FileSize.human(bytes);
    }
}
