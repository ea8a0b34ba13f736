package dev.huddle.client.media;

import java.nio.file.Path;

/**
 * Which video a participant sends, as typed: {@code synthetic}, {@code device} (the first camera) or
 * {@code device:PATH}, {@code file:PATH}, {@code screen} (the X display in {@code $DISPLAY}) or
 * {@code screen:DISPLAY}, or {@code none}. Parsing only checks the words; {@link #open} opens the
 * source, so a command line is checked before anything connects.
 *
 * @param kind     what kind of source
 * @param argument the device, file or display; {@code null} for the default
 */
public record VideoSpec(Kind kind, String argument) {

    public static final String USAGE = "synthetic|device[:PATH]|file:PATH|screen[:DISPLAY]|none";

    /** The kinds of video source. */
    public enum Kind { SYNTHETIC, DEVICE, FILE, SCREEN, NONE }

    /** @throws IllegalArgumentException for anything not in {@link #USAGE} */
    public static VideoSpec parse(String text) {
        int colon = text.indexOf(':');
        String word = colon < 0 ? text : text.substring(0, colon);
        String argument = colon < 0 ? null : text.substring(colon + 1);
        Kind kind = switch (word) {
            case "synthetic" -> Kind.SYNTHETIC;
            case "device" -> Kind.DEVICE;
            case "file" -> Kind.FILE;
            case "screen" -> Kind.SCREEN;
            case "none" -> Kind.NONE;
            default -> throw new IllegalArgumentException("a video source is " + USAGE + ", not '" + text + "'");
        };
        boolean takesArgument = kind == Kind.DEVICE || kind == Kind.FILE || kind == Kind.SCREEN;
        if (argument != null && (!takesArgument || argument.isBlank()) || kind == Kind.FILE && argument == null) {
            throw new IllegalArgumentException("a video source is " + USAGE + ", not '" + text + "'");
        }
        return new VideoSpec(kind, argument);
    }

    /**
     * Opens the source, or {@code null} for {@code none}.
     *
     * @param label   the name the test pattern shows
     * @param display the X display for {@code screen} without one named (the caller's {@code $DISPLAY})
     * @param stamp   whether camera, file and screen pictures carry a {@link FrameStamp} (the test
     *                pattern always does)
     * @throws VideoSourceUnavailable when the device, file or display cannot be opened
     */
    public VideoSource open(int width, int height, int fps, String label, String display, boolean stamp) {
        return switch (kind) {
            case SYNTHETIC -> new SyntheticVideo(width, height, label);
            case DEVICE -> LiveVideo.camera(argument == null ? LiveVideo.DEFAULT_CAMERA : argument, width, height, fps,
                stamp);
            case FILE -> new FileVideo(Path.of(argument), width, height, stamp);
            case SCREEN -> LiveVideo.screen(argument == null ? display : argument, width, height, fps, stamp);
            case NONE -> null;
        };
    }
}
