package dev.huddle.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.huddle.server.media.MediaTicketCodec.Refusal;
import dev.huddle.server.media.MediaTicketCodec.RefusedTicketException;
import dev.huddle.server.token.SigningKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

class MediaTicketCodecTest {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private final SigningKey key = SigningKey.generate();
    private final Function<String, Optional<PublicKey>> keys =
        kid -> kid.equals(key.kid()) ? Optional.of(key.publicKey()) : Optional.empty();
    private final MediaTicket ticket = new MediaTicket(7, 42, "Nguyễn", "jti-1", "relay-1",
        Instant.parse("2024-10-30T09:15:32Z"), new MediaTicket.Nonce(1, -2));

    @Test
    void signedTicketVerifiesToTheSameTicket() throws Exception {
        assertThat(MediaTicketCodec.verify(MediaTicketCodec.sign(ticket, key), keys, BC)).isEqualTo(ticket);
    }

    @Test
    void everyFlippedByteIsRefused() {
        byte[] signed = MediaTicketCodec.sign(ticket, key);
        for (int i = 0; i < signed.length; i++) {
            byte[] forged = signed.clone();
            forged[i] ^= 0x40;
            assertThatThrownBy(() -> MediaTicketCodec.verify(forged, keys, BC)).as("byte " + i)
                .isInstanceOf(RefusedTicketException.class);
        }
    }

    @Test
    void truncatedOrOverlongTicketsAreMalformed() {
        byte[] signed = MediaTicketCodec.sign(ticket, key);
        for (int length : new int[] {0, 1, 40, signed.length - 1}) {
            assertThat(refusal(Arrays.copyOf(signed, length))).as("length " + length).isIn(Refusal.MALFORMED,
                Refusal.BAD_SIGNATURE);
        }
        assertThat(refusal(Arrays.copyOf(signed, signed.length + 1))).isIn(Refusal.MALFORMED, Refusal.BAD_SIGNATURE);
    }

    @Test
    void aTicketFromAnotherKeyIsUnknownNotAccepted() {
        byte[] foreign = MediaTicketCodec.sign(ticket, SigningKey.generate());
        assertThat(refusal(foreign)).isEqualTo(Refusal.UNKNOWN_KEY);
    }

    private Refusal refusal(byte[] bytes) {
        try {
            MediaTicketCodec.verify(bytes, keys, BC);
            return null;
        } catch (RefusedTicketException e) {
            return e.refusal();
        }
    }
}
