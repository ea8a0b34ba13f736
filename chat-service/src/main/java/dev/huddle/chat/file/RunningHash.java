package dev.huddle.chat.file;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of an upload's bytes so far, kept between the requests of a resumable upload so the
 * bytes are hashed once, as they arrive. {@link #bytes} says how far it got: when it differs from
 * the part on disk (the upload moved to another instance, the service restarted, a write failed) the
 * part is hashed again from the start instead.
 */
final class RunningHash {

    private final MessageDigest digest;
    private long bytes;

    private RunningHash(MessageDigest digest, long bytes) {
        this.digest = digest;
        this.bytes = bytes;
    }

    static RunningHash start() {
        return new RunningHash(newDigest("SHA-256"), 0);
    }

    static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    void update(byte[] data) {
        digest.update(data);
        bytes += data.length;
    }

    void update(ByteBuffer data) {
        bytes += data.remaining();
        digest.update(data);
    }

    long bytes() {
        return bytes;
    }

    MessageDigest digest() {
        return digest;
    }

    /** A copy to go back to if the bytes hashed after it are taken back (a tus chunk that failed its checksum). */
    RunningHash snapshot() {
        try {
            return new RunningHash((MessageDigest) digest.clone(), bytes);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 is cloneable", e);
        }
    }

    /** The hex SHA-256 of everything hashed, without ending this hash. */
    String hex() {
        return HexFormat.of().formatHex(snapshot().digest.digest());
    }
}
