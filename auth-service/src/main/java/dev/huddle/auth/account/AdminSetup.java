package dev.huddle.auth.account;

import dev.huddle.auth.totp.Base32;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Who becomes admin on registration, so that the first stranger to reach a fresh public server does
 * not (OWASP ASVS 5.0, V6.4: no default or guessable first credentials).
 *
 * <ul>
 *   <li>{@code HUDDLE_AUTH_ADMIN_USERNAME} set: that username becomes admin when it registers;
 *       nobody else does, and there is no setup code.</li>
 *   <li>Otherwise, while the server has no admin: a one-time setup code (20 base32 characters,
 *       100 bits) is made at start, written to {@value #FILE} in the data directory (mode 600) and
 *       to the service's log. A registration that carries it ({@code setupCode}) becomes admin and
 *       uses it up; one that carries a wrong code is refused INVALID_SETUP_CODE; every other
 *       registration is a plain user.</li>
 * </ul>
 *
 * <p>The code is good only while there is no admin: the check runs inside the registration's write
 * transaction, with the number of admins read there, so two registrations racing with the code make
 * one admin at most. Blocking (file I/O) when made and used up.
 */
public final class AdminSetup {

    public static final String FILE = "admin-setup-code";

    private final String adminUsername;
    private final Path file;
    private volatile String code;

    private AdminSetup(String adminUsername, Path file, String code) {
        this.adminUsername = adminUsername;
        this.file = file;
        this.code = code;
    }

    /**
     * The setup for a starting service: with no admin name configured and no admin yet, the code
     * from {@value #FILE} or a new one written there. A code left from before an admin existed is removed.
     */
    public static AdminSetup prepare(Path dataDir, String adminUsername, boolean hasAdmin) {
        String name = adminUsername == null ? "" : adminUsername.trim();
        Path file = dataDir.resolve(FILE);
        try {
            if (!name.isEmpty() || hasAdmin) {
                Files.deleteIfExists(file);
                return new AdminSetup(name, file, null);
            }
            if (Files.exists(file)) {
                return new AdminSetup(name, file, Files.readString(file, StandardCharsets.US_ASCII).strip());
            }
            byte[] random = new byte[13];
            new SecureRandom().nextBytes(random);
            String raw = Base32.encode(random).substring(0, 20);
            String code = String.join("-", raw.substring(0, 5), raw.substring(5, 10), raw.substring(10, 15),
                raw.substring(15));
            Files.createDirectories(dataDir);
            Path temp = Files.createTempFile(dataDir, FILE, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, code + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return new AdminSetup(name, file, code);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /** The setup code while one is waiting to be used, else null. */
    public String pendingCode() {
        return code;
    }

    public Path file() {
        return file;
    }

    /**
     * The role of a new account, decided inside its write transaction.
     *
     * @param setupCode      what the registration carried (null or blank: none)
     * @param existingAdmins admins before this account
     * @throws HuddleException INVALID_SETUP_CODE for a code that is wrong, used, or not in use here
     */
    Role roleFor(String username, String setupCode, int existingAdmins) {
        boolean presented = setupCode != null && !setupCode.isBlank();
        if (!adminUsername.isEmpty()) {
            if (presented) {
                throw new HuddleException(ErrorCode.INVALID_SETUP_CODE,
                    "this server names its admin by configuration; register without a setup code");
            }
            return adminUsername.equalsIgnoreCase(username) ? Role.ADMIN : Role.USER;
        }
        if (!presented) {
            return Role.USER;
        }
        String expected = code;
        if (existingAdmins > 0 || expected == null) {
            throw new HuddleException(ErrorCode.INVALID_SETUP_CODE, "this server has an admin already");
        }
        if (!MessageDigest.isEqual(normalise(expected), normalise(setupCode))) {
            throw new HuddleException(ErrorCode.INVALID_SETUP_CODE, "wrong setup code");
        }
        return Role.ADMIN;
    }

    /** The code was used: it is forgotten and its file removed. */
    void claimed() {
        code = null;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the code no longer works whatever the file says: an admin exists
        }
    }

    private static byte[] normalise(String code) {
        return code.strip().replace("-", "").toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    }
}
