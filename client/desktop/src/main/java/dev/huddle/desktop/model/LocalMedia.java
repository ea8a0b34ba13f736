package dev.huddle.desktop.model;

import dev.huddle.client.media.AudioLevel;
import dev.huddle.client.media.AudioSource;
import dev.huddle.client.media.VideoSource;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/** What this user sends, watched on its way out: the local preview and the microphone's level. */
final class LocalMedia {

    private LocalMedia() {
    }

    /** A video source whose every picture also goes to {@code preview} (on the call's sender thread). */
    static VideoSource previewed(VideoSource source, Consumer<BufferedImage> preview) {
        return new VideoSource() {
            @Override
            public BufferedImage capture(long frameNumber, long captureMillis) {
                BufferedImage image = source.capture(frameNumber, captureMillis);
                if (image != null) {
                    preview.accept(image);
                }
                return image;
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    /** A microphone that remembers how loud its last frame was. */
    static final class Metered implements AudioSource {
        private final AudioSource source;
        private volatile double level;

        Metered(AudioSource source) {
            this.source = source;
        }

        @Override
        public byte[] next() {
            byte[] frame = source.next();
            level = AudioLevel.rms(frame);
            return frame;
        }

        double level() {
            return level;
        }

        @Override
        public void close() {
            source.close();
        }
    }
}
