package dev.huddle.auth.token;

import dev.huddle.server.token.SigningKey;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.server.trust.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * auth-service's token signing keys: the one that signs, and the others that still verify (the
 * previous one after a rotation, until an admin retires it). Blocking file I/O: call from a worker.
 *
 * <p>Files, in the service's data directory: {@value SigningKey.TOKEN_KEY_FILE} is the signing key;
 * {@value #OTHERS_DIR}{@code /<kid>.pem} each hold a key that verifies but does not sign. Retiring a
 * key deletes its file, after which no node accepts the tokens it signed.
 *
 * <p>A rotation has two steps so that no node ever sees a token signed by a key it does not know:
 * {@link #prepare()} adds the new key as a verifying one (auth-service then makes every node trust
 * it), and only {@link #promote} makes it sign.
 */
public final class SigningKeys {

    static final String OTHERS_DIR = "token-keys";
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

    private final Path dir;
    private volatile SigningKey current;
    private final Map<String, SigningKey> others = new TreeMap<>();

    private SigningKeys(Path dir, SigningKey current) {
        this.dir = dir;
        this.current = current;
    }

    /** Loads the keys in {@code dir}, generating a signing key on first start. */
    public static SigningKeys loadOrCreate(Path dir) {
        SigningKeys keys = new SigningKeys(dir, SigningKey.loadOrCreate(dir));
        Path othersDir = dir.resolve(OTHERS_DIR);
        if (Files.isDirectory(othersDir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(othersDir, "*.pem")) {
                for (Path file : files) {
                    SigningKey key = SigningKey.read(file);
                    keys.others.put(key.kid(), key);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the token keys in " + othersDir, e);
            }
        }
        keys.others.remove(keys.current.kid());
        return keys;
    }

    /** The key new tokens are signed with. */
    public SigningKey current() {
        return current;
    }

    /** Every key that verifies, the signing one first, by key id. */
    public synchronized Map<String, PublicKey> verifying() {
        Map<String, PublicKey> all = new LinkedHashMap<>();
        all.put(current.kid(), current.publicKey());
        others.forEach((kid, key) -> all.put(kid, key.publicKey()));
        return all;
    }

    /** Key ids of the keys that verify but do not sign. */
    public synchronized List<String> retirable() {
        return List.copyOf(others.keySet());
    }

    /** Step one of a rotation: a new key that verifies but does not sign yet. */
    public synchronized SigningKey prepare() {
        SigningKey next = SigningKey.generate();
        write(dir.resolve(OTHERS_DIR).resolve(next.kid() + ".pem"), next);
        others.put(next.kid(), next);
        return next;
    }

    /** Step two: {@code kid} (from {@link #prepare}) signs from now on; the previous key still verifies. */
    public synchronized void promote(String kid) {
        SigningKey next = others.get(kid);
        if (next == null) {
            throw new IllegalStateException("no prepared key " + kid);
        }
        SigningKey previous = current;
        write(dir.resolve(OTHERS_DIR).resolve(previous.kid() + ".pem"), previous);
        write(dir.resolve(SigningKey.TOKEN_KEY_FILE), next);
        current = next;
        others.remove(kid);
        others.put(previous.kid(), previous);
        delete(dir.resolve(OTHERS_DIR).resolve(kid + ".pem"));
        LOG.info("token signing key rotated: {} signs, {} still verifies until retired", kid, previous.kid());
    }

    /**
     * Stops {@code kid} from verifying. The signing key cannot be retired (rotate first).
     *
     * @throws HuddleException NOT_FOUND for an unknown key, CONFLICT for the signing key
     */
    public synchronized void retire(String kid) {
        if (current.kid().equals(kid)) {
            throw new HuddleException(ErrorCode.CONFLICT, "key " + kid + " signs new tokens; rotate before retiring it");
        }
        if (others.remove(kid) == null) {
            throw new HuddleException(ErrorCode.NOT_FOUND, "no token key " + kid);
        }
        delete(dir.resolve(OTHERS_DIR).resolve(kid + ".pem"));
        LOG.info("token key {} retired: tokens it signed are refused everywhere", kid);
    }

    private static void write(Path file, SigningKey key) {
        try {
            PrivateFiles.replace(file, key.pem());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the token key " + file, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the token key " + file, e);
        }
    }
}
