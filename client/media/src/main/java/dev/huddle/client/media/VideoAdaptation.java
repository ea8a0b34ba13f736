package dev.huddle.client.media;

import java.time.Clock;

/**
 * How hard the video sender pushes, from what receivers report: while a REPORT about this sender
 * shows loss over {@value #LOSSY_FRACTION}/256 (5 %), step down — JPEG quality first, then the
 * picture size — at most once per {@link #STEP_DOWN_MILLIS}; once no report has shown loss for
 * {@link #CALM_MILLIS}, step back up in the reverse order, one step per {@link #STEP_UP_MILLIS}. A
 * frame of fewer bytes is fewer chunks, and each chunk lost loses the whole frame, so at 20 % loss a
 * 25-chunk frame almost never arrives while a 5-chunk one mostly does. Down is fast and up is slow,
 * so a path that loses only under load is not pushed back into loss at once.
 *
 * <p>With several receivers the worst one decides: any lossy report steps down. Thread-safe (the
 * receiver thread reports, the sender thread reads).
 */
public final class VideoAdaptation {

    /** Loss above which a report steps down, of 256 (the REPORT's fraction-lost unit): 5 %. */
    static final int LOSSY_FRACTION = 13;
    static final float MIN_QUALITY = 0.3f;
    static final float QUALITY_STEP = 0.1f;
    /** Picture sizes, as a fraction of the configured size, largest first. */
    static final double[] SCALES = {1.0, 0.75, 0.5};
    static final long STEP_DOWN_MILLIS = 1_000;
    static final long CALM_MILLIS = 5_000;
    static final long STEP_UP_MILLIS = 2_000;

    /** What the sender uses now: JPEG quality and the fraction of the configured size. */
    public record Level(float quality, double scale) {
    }

    private final Clock clock;
    private final float maxQuality;
    private float quality;
    private int scaleIndex;
    private long lastLossyMillis = Long.MIN_VALUE / 2;
    private long lastDownMillis = Long.MIN_VALUE / 2;
    private long lastStepMillis = Long.MIN_VALUE / 2;

    /** @param maxQuality the configured quality: where it starts and the most it goes back up to */
    public VideoAdaptation(float maxQuality, Clock clock) {
        this.maxQuality = maxQuality;
        this.quality = maxQuality;
        this.clock = clock;
    }

    /** A receiver's report on this sender's video. */
    public synchronized void onReport(int fractionLost) {
        long now = clock.millis();
        if (fractionLost <= LOSSY_FRACTION) {
            stepUpIfCalm(now);
            return;
        }
        lastLossyMillis = now;
        if (now - lastDownMillis < STEP_DOWN_MILLIS) {
            return; // several receivers report on the same loss
        }
        if (quality > MIN_QUALITY + 1e-3f) {
            quality = Math.max(MIN_QUALITY, quality - QUALITY_STEP);
        } else if (scaleIndex < SCALES.length - 1) {
            scaleIndex++;
        } else {
            return; // at the floor: nothing left to give up
        }
        lastDownMillis = now;
        lastStepMillis = now;
    }

    /** The level to encode the next frame at; also steps up when the path has been calm long enough. */
    public synchronized Level level() {
        stepUpIfCalm(clock.millis());
        return new Level(quality, SCALES[scaleIndex]);
    }

    private void stepUpIfCalm(long now) {
        if (now - lastLossyMillis < CALM_MILLIS || now - lastStepMillis < STEP_UP_MILLIS) {
            return;
        }
        if (scaleIndex > 0) {
            scaleIndex--;
        } else if (quality < maxQuality - 1e-3f) {
            quality = Math.min(maxQuality, quality + QUALITY_STEP);
        } else {
            return;
        }
        lastStepMillis = now;
    }
}
