package dev.huddle.server.token;

import dev.huddle.server.trust.Pem;
import dev.huddle.server.trust.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Ed25519 key pair a service signs with, kept in its data directory, and its key id ({@code kid},
 * see {@link PublicKeyRing#keyIdOf}): auth-service signs tokens with one ({@value #TOKEN_KEY_FILE}),
 * room-service media tickets with another ({@value #MEDIA_TICKET_KEY_FILE}). The public half is what
 * verifiers put in their {@link PublicKeyRing}; the private half never leaves its process or file.
 *
 * <p>A key file holds only the PKCS#8 private key in PEM; the public key is derived from it, so the
 * two can never disagree.
 */
public final class SigningKey {

    /** auth-service's token signing key, inside its data directory. */
    public static final String TOKEN_KEY_FILE = "token-signing-key.pem";
    /** room-service's media ticket signing key, inside its data directory. */
    public static final String MEDIA_TICKET_KEY_FILE = "media-ticket-key.pem";

    private static final Logger LOG = LoggerFactory.getLogger(SigningKey.class);
    /** RFC 8410 id-Ed25519 (bcprov keeps its own constant in an internal package). */
    private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String kid;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.kid = PublicKeyRing.keyIdOf(publicKey);
    }

    /** A fresh key pair held in memory only (tests, benchmarks). */
    public static SigningKey generate() {
        try {
            var pair = KeyPairGenerator.getInstance(TokenClaims.CURVE).generateKeyPair();
            return new SigningKey(pair.getPrivate(), pair.getPublic());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Ed25519 is missing from this JDK", e);
        }
    }

    /** The token signing key: {@code loadOrCreate(dir, TOKEN_KEY_FILE)}. */
    public static SigningKey loadOrCreate(Path dir) {
        return loadOrCreate(dir, TOKEN_KEY_FILE);
    }

    /**
     * Loads the key from {@code dir/fileName}, or generates one and stores it there (owner
     * read/write only where the file system has POSIX permissions).
     *
     * @throws IllegalStateException if the file exists but does not hold an Ed25519 PKCS#8 PEM key
     * @throws UncheckedIOException  if the directory or file cannot be read or written
     */
    public static SigningKey loadOrCreate(Path dir, String fileName) {
        Path file = dir.resolve(fileName);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            SigningKey created = generate();
            if (PrivateFiles.createIfAbsent(file, created.pem())) {
                LOG.info("Generated a new token signing key {} in {}", created.kid, file);
                return created;
            }
            return read(file); // another instance on the same directory wrote first
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the signing key " + file, e);
        }
    }

    /**
     * Reads a key file.
     *
     * @throws IllegalStateException if the file does not hold an Ed25519 PKCS#8 PEM key
     */
    public static SigningKey read(Path file) throws IOException {
        String pem = PrivateFiles.read(file);
        try {
            return fromPkcs8(Pem.decode(Pem.PRIVATE_KEY, pem));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException("token signing key file " + file + " is corrupt or not an Ed25519 "
                    + "PKCS#8 PEM private key (" + e.getMessage() + "); restore it from a backup, or delete it to "
                    + "generate a new key", e);
        }
    }

    /** The private key as PKCS#8 PEM, the content of a key file. */
    public String pem() {
        return Pem.encode(Pem.PRIVATE_KEY, privateKey.getEncoded());
    }

    /** The id other services find the public key under. */
    public String kid() {
        return kid;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key as base64 X.509, the form that travels over the event bus. */
    public String publicKeyText() {
        return PublicKeyRing.encode(publicKey);
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + "]";
    }

    private static SigningKey fromPkcs8(byte[] pkcs8) throws GeneralSecurityException {
        PrivateKeyInfo info;
        try {
            info = PrivateKeyInfo.getInstance(pkcs8);
            if (!ID_ED25519.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
                throw new IllegalArgumentException("not an Ed25519 key");
            }
            byte[] seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
            byte[] rawPublic = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
            byte[] x509 = new SubjectPublicKeyInfo(new AlgorithmIdentifier(ID_ED25519), rawPublic)
                    .getEncoded();
            KeyFactory factory = KeyFactory.getInstance(TokenClaims.CURVE);
            return new SigningKey(factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)),
                    factory.generatePublic(new X509EncodedKeySpec(x509)));
        } catch (IOException | RuntimeException e) {
            // BouncyCastle reports bad DER as IllegalArgumentException, IllegalStateException or IOException
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalArgumentException(detail, e);
        }
    }
}
