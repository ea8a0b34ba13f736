package dev.huddle.desktop.model;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Pictures from the call's threads to the UI: converted where they arrive (off the UI thread), and
 * only the newest per participant handed over, in one {@link UiThread#run} at a time however fast
 * frames come. A frame that arrives while the UI is behind replaces the one waiting.
 */
final class FrameHandoff {

    private final UiThread ui;
    private final BiConsumer<String, Image> show;
    private final Map<String, Image> waiting = new ConcurrentHashMap<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    FrameHandoff(UiThread ui, BiConsumer<String, Image> show) {
        this.ui = ui;
        this.show = show;
    }

    /** From any thread but the UI's. */
    void offer(String who, BufferedImage picture) {
        waiting.put(who, toFx(picture));
        if (scheduled.compareAndSet(false, true)) {
            ui.run(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false); // set first: a frame arriving during the drain schedules the next one
        for (String who : List.copyOf(waiting.keySet())) {
            Image image = waiting.remove(who);
            if (image != null) {
                show.accept(who, image);
            }
        }
    }

    static Image toFx(BufferedImage picture) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        int[] argb = picture.getRGB(0, 0, width, height, null, 0, width);
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return image;
    }
}
