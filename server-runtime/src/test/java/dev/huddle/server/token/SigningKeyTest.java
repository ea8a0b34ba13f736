package dev.huddle.server.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void keyIsCreatedWhenAbsentAndReloadedUnchanged() throws Exception {
        SigningKey created = SigningKey.loadOrCreate(dir.resolve("keys"));
        SigningKey reloaded = SigningKey.loadOrCreate(dir.resolve("keys"));

        assertThat(dir.resolve("keys").resolve(SigningKey.TOKEN_KEY_FILE)).isRegularFile();
        assertThat(reloaded.kid()).isEqualTo(created.kid()).matches("[0-9a-f]{16}");
        assertThat(reloaded.publicKey()).isEqualTo(created.publicKey());
        assertThat(reloaded.publicKeyText()).isEqualTo(created.publicKeyText());
        assertThat(Files.readString(dir.resolve("keys").resolve(SigningKey.TOKEN_KEY_FILE)))
                .startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
    }

    @Test
    void derivedPublicKeyMatchesThePrivateKey() throws Exception {
        SigningKey.loadOrCreate(dir);
        SigningKey key = SigningKey.loadOrCreate(dir);
        byte[] message = "hello".getBytes(StandardCharsets.UTF_8);

        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.privateKey());
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key.publicKey());
        verifier.update(message);

        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void publicKeyIsDerivedAsRfc8410Says() throws Exception {
        // the private key of RFC 8410 section 10.3 and the public key it derives to
        Files.writeString(dir.resolve(SigningKey.TOKEN_KEY_FILE), """
                -----BEGIN PRIVATE KEY-----
                MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
                -----END PRIVATE KEY-----
                """);

        SigningKey key = SigningKey.loadOrCreate(dir);

        assertThat(key.publicKeyText()).isEqualTo("MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=");
    }

    @Test
    void keyFileIsReadableAndWritableByItsOwnerOnly() throws Exception {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX file system");

        SigningKey.loadOrCreate(dir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SigningKey.TOKEN_KEY_FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws Exception {
        SigningKey.loadOrCreate(dir);

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(SigningKey.TOKEN_KEY_FILE);
        }
    }

    @Test
    void separatelyGeneratedKeysDiffer() {
        assertThat(SigningKey.generate().kid()).isNotEqualTo(SigningKey.generate().kid());
    }

    @Test
    void corruptKeyFileIsReportedNamingTheFile() throws Exception {
        Path file = dir.resolve(SigningKey.TOKEN_KEY_FILE);
        String notDer = Base64.getEncoder().encodeToString("not a key at all".getBytes(StandardCharsets.US_ASCII));
        String rsaLike = Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("RSA")
                .generateKeyPair().getPrivate().getEncoded());
        for (String content : new String[] {
            "",
            "garbage",
            "\u00ff\u00fe binary \u0000",
            "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n",
            "-----BEGIN PRIVATE KEY-----\n" + notDer + "\n-----END PRIVATE KEY-----\n",
            "-----BEGIN PRIVATE KEY-----\n" + rsaLike + "\n-----END PRIVATE KEY-----\n",
            "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp\n-----END PRIVATE KEY-----\n",
        }) {
            Files.writeString(file, content, StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> SigningKey.loadOrCreate(dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("corrupt");
        }
    }

    @Test
    void toStringShowsOnlyTheKeyId() {
        SigningKey key = SigningKey.generate();
        assertThat(key.toString()).isEqualTo("SigningKey[kid=" + key.kid() + "]");
    }
}
