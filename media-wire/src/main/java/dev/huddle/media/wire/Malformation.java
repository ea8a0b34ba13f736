package dev.huddle.media.wire;

import java.util.Locale;

/**
 * Why a datagram is not a valid media packet. Receivers drop such a datagram and count it under
 * {@link #reason()}; nothing is thrown.
 */
public enum Malformation {
    /** shorter than the {@value MediaPacket#HEADER_LENGTH}-byte header. */
    TRUNCATED,
    /** longer than {@value MediaPacket#MAX_DATAGRAM} bytes. */
    OVERSIZED,
    /** byte 0 is not {@code 'H'}. */
    BAD_MAGIC,
    /** byte 1 is not a version this code speaks. */
    BAD_VERSION,
    /** byte 2 names no {@link PacketType}. */
    BAD_TYPE,
    /** no {@link MediaKind} for the high nibble of byte 3, or a kind that does not fit the type. */
    BAD_KIND,
    /** the payload length field disagrees with the datagram's length (past the end, or bytes left over). */
    BAD_LENGTH,
    /** a video chunk with a count of 0, or an index not below its count. */
    BAD_CHUNK,
    /** the payload's size or content does not fit its type. */
    BAD_PAYLOAD;

    /** The lower-case name used as a metric tag, e.g. {@code bad_magic}. */
    public String reason() {
        return name().toLowerCase(Locale.ROOT);
    }
}
