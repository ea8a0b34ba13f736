package dev.huddle.server.trust;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The cluster's certificate authority: an ECDSA P-256 key that signs the node certificates the
 * event bus's mutual TLS accepts. A node certificate is a client and a server certificate at once
 * (every node both dials and accepts bus connections). ECDSA rather than RSA: a key pair takes
 * milliseconds to make, which keeps first start and the tests quick.
 *
 * @param certificate the CA's self-signed certificate, the trust anchor every node loads
 * @param key         the CA's private key; only the credentials tool reads it
 */
public record ClusterCa(X509Certificate certificate, PrivateKey key) {

    static final Duration CA_VALIDITY = Duration.ofDays(3650);
    static final Duration NODE_VALIDITY = Duration.ofDays(825);
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A node's key and the certificate this CA issued for it. */
    public record Issued(X509Certificate certificate, PrivateKey key) {
    }

    /** A new CA, valid for ten years from {@code clock}'s now (a minute earlier, for clock skew). */
    public static ClusterCa create(Clock clock) {
        return create(clock, "Huddle cluster CA");
    }

    /**
     * A new CA named {@code commonName} plus a random suffix (two CAs made on one machine must not
     * share a name), valid for ten years. {@link DevelopmentTls} makes one for client-facing TLS.
     */
    public static ClusterCa create(Clock clock, String commonName) {
        try {
            KeyPair pair = newKeyPair();
            Instant now = clock.instant();
            X500Name name = new X500Name("CN=" + commonName + " " + Long.toHexString(RANDOM.nextLong() >>> 16));
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minusSeconds(60)), Date.from(now.plus(CA_VALIDITY)), name, pair.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
            return new ClusterCa(sign(builder, pair.getPrivate()), pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot create the cluster CA", e);
        }
    }

    /** Reads a CA from its PEM certificate and PKCS#8 PEM key. */
    public static ClusterCa fromPem(String certificatePem, String keyPem) {
        return new ClusterCa(certificate(certificatePem), privateKey(keyPem));
    }

    /** Issues a node certificate, valid for {@link #NODE_VALIDITY} but never past the CA's own end. */
    public Issued issueNode(Clock clock) {
        return issue(clock, "huddle-node", new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth},
            null);
    }

    /**
     * Issues a TLS server certificate for {@code hosts} (names and IP addresses, each a subject
     * alternative name clients check), valid like a node certificate.
     */
    public Issued issueServer(Clock clock, List<String> hosts) {
        GeneralName[] names = hosts.stream()
            .map(host -> new GeneralName(isIpAddress(host) ? GeneralName.iPAddress : GeneralName.dNSName, host))
            .toArray(GeneralName[]::new);
        return issue(clock, hosts.get(0), new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth}, new GeneralNames(names));
    }

    private Issued issue(Clock clock, String commonName, KeyPurposeId[] purposes, GeneralNames alternativeNames) {
        try {
            KeyPair pair = newKeyPair();
            Instant now = clock.instant();
            Instant end = now.plus(NODE_VALIDITY);
            if (end.isAfter(certificate.getNotAfter().toInstant())) {
                end = certificate.getNotAfter().toInstant();
            }
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                Date.from(now.minusSeconds(60)), Date.from(end), new X500Name("CN=" + commonName), pair.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes))
                .addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(certificate))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
            if (alternativeNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
            }
            return new Issued(sign(builder, key), pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot issue a certificate for " + commonName, e);
        }
    }

    private static boolean isIpAddress(String host) {
        return host.contains(":") || host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    }

    /** Whether {@code node} carries this CA's valid signature. */
    public static boolean signedBy(X509Certificate node, X509Certificate ca) {
        try {
            node.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Pem.decode(Pem.CERTIFICATE, pem)));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    public static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Pem.decode(Pem.PRIVATE_KEY, pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 EC private key: " + e.getMessage(), e);
        }
    }

    public static String pem(X509Certificate certificate) {
        try {
            return Pem.encode(Pem.CERTIFICATE, certificate.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(PrivateKey key) {
        return Pem.encode(Pem.PRIVATE_KEY, key.getEncoded());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
        throws OperatorCreationException, CertificateException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(
            new JcaContentSignerBuilder(SIGNATURE).build(signer)));
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM);
    }

}
