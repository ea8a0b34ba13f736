package dev.huddle.media.wire;

/** What a media packet carries (the high nibble of header byte 3). */
public enum MediaKind {
    /** control packets (JOIN, KEEPALIVE, ...): no media. */
    NONE(0),
    AUDIO(1),
    /** camera video. */
    VIDEO(2),
    /** screen sharing: video frames of another source. */
    SCREEN(3);

    private static final MediaKind[] BY_CODE = {NONE, AUDIO, VIDEO, SCREEN};

    private final int code;

    MediaKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The kind for a nibble value, or {@code null} for a value no kind has. */
    public static MediaKind fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
