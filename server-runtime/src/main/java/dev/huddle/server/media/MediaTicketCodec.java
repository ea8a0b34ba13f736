package dev.huddle.server.media;

import dev.huddle.server.token.PublicKeyRing;
import dev.huddle.server.token.SigningKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * The signed bytes of a {@link MediaTicket} (docs/MEDIA_PROTOCOL.md, "The ticket"). Big-endian:
 * <pre>
 *  0  version (1)   u8
 *  1  key id        8 bytes: the signing key's {@link PublicKeyRing#keyIdOf id} as raw bytes
 *  9  project id    u64
 * 17  user id       u64
 * 25  expires at    u64 epoch milliseconds
 * 33  nonce         16 bytes
 * 49  relay id      u8 length + UTF-8
 *  .  username      u8 length + UTF-8
 *  .  token id      u8 length + UTF-8
 *  .  signature     64 bytes: Ed25519 over every byte before it
 * </pre>
 * Reading never trusts a length: anything that does not add up is {@link Refusal#MALFORMED}.
 */
public final class MediaTicketCodec {

    public static final int VERSION = 1;
    private static final int KEY_ID_BYTES = 8;
    private static final int SIGNATURE_BYTES = 64;
    private static final int FIXED_BYTES = 1 + KEY_ID_BYTES + 8 + 8 + 8 + 16;
    private static final int MAX_TEXT_BYTES = 255;
    private static final String ALGORITHM = "Ed25519";

    /** Why ticket bytes were not accepted. */
    public enum Refusal {
        MALFORMED, UNKNOWN_KEY, BAD_SIGNATURE
    }

    /** A refused ticket; {@link #refusal()} says why. No stack trace: it is an answer, not a fault. */
    public static final class RefusedTicketException extends Exception {
        private final Refusal refusal;

        RefusedTicketException(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    private MediaTicketCodec() {
    }

    /** The ticket's bytes, signed with {@code key}. */
    public static byte[] sign(MediaTicket ticket, SigningKey key) {
        byte[] relay = text(ticket.relayId());
        byte[] user = text(ticket.username());
        byte[] token = text(ticket.tokenId());
        ByteBuffer out = ByteBuffer.allocate(FIXED_BYTES + 3 + relay.length + user.length + token.length
            + SIGNATURE_BYTES);
        out.put((byte) VERSION).put(HexFormat.of().parseHex(key.kid()))
            .putLong(ticket.projectId()).putLong(ticket.userId()).putLong(ticket.expiresAt().toEpochMilli())
            .putLong(ticket.nonce().high()).putLong(ticket.nonce().low());
        out.put((byte) relay.length).put(relay).put((byte) user.length).put(user).put((byte) token.length).put(token);
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key.privateKey());
            signer.update(out.array(), 0, out.position());
            out.put(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a media ticket with Ed25519", e);
        }
        return out.array();
    }

    /**
     * Reads ticket bytes and checks their signature with the key their key id names.
     *
     * @param keys     key id (16 hex characters) → public key
     * @param provider the Ed25519 implementation (BouncyCastle is several times faster than the JDK's)
     * @throws RefusedTicketException when the bytes are not a ticket, the key is unknown or the
     *                                signature does not verify
     */
    public static MediaTicket verify(byte[] bytes, Function<String, Optional<PublicKey>> keys, Provider provider)
        throws RefusedTicketException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length < FIXED_BYTES + 3 + SIGNATURE_BYTES || in.get() != VERSION) {
            throw new RefusedTicketException(Refusal.MALFORMED);
        }
        byte[] keyId = new byte[KEY_ID_BYTES];
        in.get(keyId);
        long projectId = in.getLong();
        long userId = in.getLong();
        long expiresAt = in.getLong();
        MediaTicket.Nonce nonce = new MediaTicket.Nonce(in.getLong(), in.getLong());
        String relayId = readText(in);
        String username = readText(in);
        String tokenId = readText(in);
        if (relayId == null || username == null || tokenId == null || in.remaining() != SIGNATURE_BYTES
            || projectId <= 0 || userId <= 0) {
            throw new RefusedTicketException(Refusal.MALFORMED);
        }
        PublicKey key = keys.apply(HexFormat.of().formatHex(keyId))
            .orElseThrow(() -> new RefusedTicketException(Refusal.UNKNOWN_KEY));
        int signed = in.position();
        try {
            Signature verifier = Signature.getInstance(ALGORITHM, provider);
            verifier.initVerify(key);
            verifier.update(bytes, 0, signed);
            if (!verifier.verify(Arrays.copyOfRange(bytes, signed, bytes.length))) {
                throw new RefusedTicketException(Refusal.BAD_SIGNATURE);
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new RefusedTicketException(Refusal.BAD_SIGNATURE);
        }
        return new MediaTicket(projectId, userId, username, tokenId, relayId, Instant.ofEpochMilli(expiresAt), nonce);
    }

    private static byte[] text(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("ticket text over " + MAX_TEXT_BYTES + " bytes");
        }
        return bytes;
    }

    private static String readText(ByteBuffer in) {
        if (!in.hasRemaining()) {
            return null;
        }
        int length = in.get() & 0xFF;
        if (in.remaining() < length + SIGNATURE_BYTES) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
