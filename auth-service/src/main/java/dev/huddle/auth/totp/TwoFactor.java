package dev.huddle.auth.totp;

import dev.huddle.auth.account.TwoFactorStore;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The second-factor rules: enrol (a new secret, shown once as base32 and as an {@code otpauth://}
 * URI for a QR code), confirm with a first code (the factor is on from then, and ten single-use
 * recovery codes are shown once), check at login, turn off. Plain Java and blocking (SQLite).
 *
 * <p>A code is accepted once: its step, and every earlier one, is refused afterwards (RFC 6238,
 * section 5.2). A recovery code is {@code XXXXX-XXXXX} (base32, 50 bits), accepted in any case and
 * with or without the dash, and only once.
 */
public final class TwoFactor {

    public static final String ISSUER = "Huddle";
    static final int SECRET_BYTES = 20;
    static final int RECOVERY_CODES = 10;

    /** A started enrolment: what the authenticator app needs. */
    public record Enrolment(String secret, String otpauthUri) {
    }

    private final TwoFactorStore store;
    private final SecretBox box;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TwoFactor(TwoFactorStore store, SecretBox box, Clock clock) {
        this.store = store;
        this.box = box;
        this.clock = clock;
    }

    /** A new secret for the user, pending until {@link #confirm}; CONFLICT when the factor is already on. */
    public Enrolment enrol(long userId, String username) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        if (!store.savePending(userId, box.seal(secret, userId), clock.instant())) {
            throw new HuddleException(ErrorCode.CONFLICT, "two-factor login is already on; turn it off first");
        }
        String encoded = Base32.encode(secret);
        String label = URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
        return new Enrolment(encoded, "otpauth://totp/" + label + "?secret=" + encoded + "&issuer=" + ISSUER
            + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP.toSeconds());
    }

    /** Turns the pending factor on with its first code; the recovery codes, shown this once. */
    public List<String> confirm(long userId, String code) {
        TwoFactorStore.Factor factor = store.find(userId).filter(f -> !f.enabled())
            .orElseThrow(() -> new HuddleException(ErrorCode.CONFLICT,
                "no two-factor enrolment to confirm; start one first"));
        OptionalLong step = Totp.verify(box.open(factor.sealedSecret(), userId), code, clock.instant());
        if (step.isEmpty()) {
            throw new HuddleException(ErrorCode.INVALID_CREDENTIALS, "wrong code");
        }
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] bytes = new byte[7];
            random.nextBytes(bytes);
            String text = Base32.encode(bytes).substring(0, 10);
            codes.add(text.substring(0, 5) + "-" + text.substring(5));
            hashes.add(hash(text));
        }
        if (!store.enable(userId, step.getAsLong(), hashes)) {
            throw new HuddleException(ErrorCode.CONFLICT, "two-factor login is already on");
        }
        return codes;
    }

    /** Whether the user's login needs a code. */
    public boolean isOn(long userId) {
        return store.find(userId).map(TwoFactorStore.Factor::enabled).orElse(false);
    }

    /**
     * Lets a login through: nothing to do when the user has no factor on; otherwise {@code code}
     * must be a current, unused TOTP code or an unused recovery code (used up by this call).
     *
     * @throws HuddleException TOTP_REQUIRED without a code, INVALID_CREDENTIALS with a wrong or used one
     */
    public void check(long userId, String code) {
        TwoFactorStore.Factor factor = store.find(userId).filter(TwoFactorStore.Factor::enabled).orElse(null);
        if (factor == null) {
            return;
        }
        if (code == null || code.isBlank()) {
            throw new HuddleException(ErrorCode.TOTP_REQUIRED,
                "this account needs a code from its authenticator app (or a recovery code)");
        }
        String given = code.strip();
        boolean accepted;
        if (given.length() == Totp.DIGITS) {
            OptionalLong step = Totp.verify(box.open(factor.sealedSecret(), userId), given, clock.instant());
            accepted = step.isPresent() && store.useStep(userId, step.getAsLong());
        } else {
            accepted = store.useRecoveryCode(userId, hash(given.replace("-", "").toUpperCase(Locale.ROOT)));
        }
        if (!accepted) {
            throw new HuddleException(ErrorCode.INVALID_CREDENTIALS, "wrong or already used code");
        }
    }

    /** Turns the factor off (after {@link #check} with a code). */
    public void remove(long userId) {
        store.delete(userId);
    }

    private static String hash(String recoveryCode) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(recoveryCode.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
