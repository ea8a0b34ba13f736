package dev.huddle.auth.password;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes passwords with Argon2id (RFC 9106, BouncyCastle) and checks them. Thread-safe.
 *
 * <p>Hashes are stored as PHC strings, which carry their own cost parameters and salt:
 * <pre>
 *   $argon2id$v=19$m=19456,t=2,p=1$&lt;salt&gt;$&lt;hash&gt;
 * </pre>
 * with salt (16 bytes) and hash (32 bytes) in standard base64 without padding. Verification
 * uses the parameters in the string, so raising the cost later does not lock anyone out;
 * {@link #needsRehash} tells the login path to store a new hash while it has the password.
 * Passwords are encoded as UTF-8.
 *
 * <p>Hashing costs tens of milliseconds and 19 MiB by design: call it off the event loop.
 */
public final class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int MIN_STORED_BYTES = 8;
    private static final int MAX_STORED_BYTES = 64;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private final Argon2Params params;
    private final SecureRandom random;

    /** A hasher with the {@linkplain Argon2Params#OWASP OWASP} parameters. */
    public PasswordHasher() {
        this(Argon2Params.OWASP);
    }

    /** A hasher producing new hashes with {@code params}. */
    public PasswordHasher(Argon2Params params) {
        this.params = Objects.requireNonNull(params, "params");
        this.random = new SecureRandom();
    }

    /** Hashes {@code password} with a fresh random salt; returns a PHC string. */
    public String hash(String password) {
        return hash(Objects.requireNonNull(password, "password").toCharArray());
    }

    /** Hashes {@code password} with a fresh random salt; returns a PHC string. The array is left as is. */
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, params, HASH_BYTES);
        return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s".formatted(params.memoryKib(), params.iterations(),
                params.parallelism(), B64.encodeToString(salt), B64.encodeToString(hash));
    }

    /** Whether {@code password} matches the PHC string {@code phc}; {@code false} for any malformed input. */
    public boolean verify(String phc, String password) {
        return password != null && verify(phc, password.toCharArray());
    }

    /** Whether {@code password} matches the PHC string {@code phc}; {@code false} for any malformed input. */
    public boolean verify(String phc, char[] password) {
        if (password == null) {
            return false;
        }
        Optional<Stored> stored = Stored.parse(phc);
        if (stored.isEmpty()) {
            return false;
        }
        Stored s = stored.get();
        byte[] actual = argon2(password, s.salt(), s.params(), s.hash().length);
        return MessageDigest.isEqual(actual, s.hash());
    }

    /**
     * Whether {@code phc} should be replaced by a fresh hash of the same password: it is
     * malformed or was made with other parameters or sizes than this hasher uses.
     */
    public boolean needsRehash(String phc) {
        return Stored.parse(phc)
                .map(s -> !s.params().equals(params) || s.salt().length != SALT_BYTES || s.hash().length != HASH_BYTES)
                .orElse(true);
    }

    private static byte[] argon2(char[] password, byte[] salt, Argon2Params p, int length) {
        byte[] secret = utf8(password);
        try {
            Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(p.memoryKib())
                    .withIterations(p.iterations())
                    .withParallelism(p.parallelism())
                    .withSalt(salt)
                    .build();
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            byte[] out = new byte[length];
            generator.generateBytes(secret, out);
            return out;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static byte[] utf8(char[] password) {
        // replace unpaired surrogates as String.getBytes does, so char[] and String passwords hash alike
        ByteBuffer buffer;
        try {
            buffer = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .encode(CharBuffer.wrap(password));
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("UTF-8 encoding with replacement cannot fail", e);
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }

    /** A parsed PHC string. */
    private record Stored(Argon2Params params, byte[] salt, byte[] hash) {

        static Optional<Stored> parse(String phc) {
            if (phc == null) {
                return Optional.empty();
            }
            Matcher m = PHC.matcher(phc);
            if (!m.matches()) {
                return Optional.empty();
            }
            try {
                Argon2Params params = new Argon2Params(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                byte[] salt = Base64.getDecoder().decode(m.group(4));
                byte[] hash = Base64.getDecoder().decode(m.group(5));
                if (!sane(salt) || !sane(hash)) {
                    return Optional.empty();
                }
                return Optional.of(new Stored(params, salt, hash));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        private static boolean sane(byte[] bytes) {
            return bytes.length >= MIN_STORED_BYTES && bytes.length <= MAX_STORED_BYTES;
        }
    }
}
