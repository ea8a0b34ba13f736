package dev.huddle.server.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;

class PublicKeyRingTest {

    private final PublicKey key = TestTokens.newKeyPair().getPublic();

    @Test
    void publicKeySurvivesEncodingAsText() {
        String text = PublicKeyRing.encode(key);

        assertThat(PublicKeyRing.decode(text)).isEqualTo(key);
        assertThat(PublicKeyRing.keyIdOf(PublicKeyRing.decode(text))).isEqualTo(PublicKeyRing.keyIdOf(key));
    }

    @Test
    void keyIdIsSixteenHexCharactersAndDiffersBetweenKeys() {
        assertThat(PublicKeyRing.keyIdOf(key)).matches("[0-9a-f]{16}");
        assertThat(PublicKeyRing.keyIdOf(TestTokens.newKeyPair().getPublic())).isNotEqualTo(PublicKeyRing.keyIdOf(key));
    }

    @Test
    void addedKeyIsFoundByItsKid() {
        PublicKeyRing ring = new PublicKeyRing();
        ring.add("k1", key);

        assertThat(ring.find("k1")).contains(key);
        assertThat(ring.find("k2")).isEmpty();
        assertThat(ring.find(null)).isEmpty();
        assertThat(ring.size()).isEqualTo(1);
    }

    @Test
    void nonEd25519KeysAreRejected() throws Exception {
        PublicKey rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic();
        PublicKey ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPublic();
        PublicKeyRing ring = new PublicKeyRing();

        assertThatThrownBy(() -> ring.add("rsa", rsa)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ring.add("ed448", ed448)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublicKeyRing.encode(rsa)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textThatIsNotAnEd25519KeyIsRejected() throws Exception {
        String ed448 = java.util.Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPublic().getEncoded());

        assertThatThrownBy(() -> PublicKeyRing.decode("not base64!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublicKeyRing.decode("AAAA")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublicKeyRing.decode(ed448)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blankKidIsRejected() {
        assertThatThrownBy(() -> new PublicKeyRing().add(" ", key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefreshThatBringsTheSameKeysKeepsTheHeldObjectsSoVerifiedTokensStayCached() {
        PublicKeyRing ring = new PublicKeyRing();
        PublicKey other = TestTokens.newKeyPair().getPublic();
        ring.replaceAll(java.util.Map.of("k1", key, "k2", other));
        PublicKey copy = PublicKeyRing.decode(PublicKeyRing.encode(key)); // as a sync brings it: a new object

        ring.replaceAll(java.util.Map.of("k1", copy));

        assertThat(ring.find("k1").orElseThrow()).isSameAs(key);
        assertThat(ring.find("k2")).isEmpty();
        ring.replaceAll(java.util.Map.of("k1", other));
        assertThat(ring.find("k1")).contains(other);
    }
}
