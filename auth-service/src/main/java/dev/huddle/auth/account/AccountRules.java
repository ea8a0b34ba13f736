package dev.huddle.auth.account;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a username, e-mail address and password must look like, and how usernames and addresses
 * are compared. Each {@code validate} method throws a {@link ValidationException} naming the field.
 *
 * <ul>
 *   <li>Username: 3 to 32 of {@code A-Z a-z 0-9 _ . -}. Shown as typed, unique ignoring case:
 *       store and look up {@link #normalizeUsername}.</li>
 *   <li>E-mail: a pragmatic check, not RFC 5322: one {@code @}, something before it, a dotted
 *       domain after it, no white space, at most 254 characters. Stored {@link #normalizeEmail normalised}.</li>
 *   <li>Password: 8 to 128 characters counted as Unicode code points, anything else goes.</li>
 * </ul>
 */
public final class AccountRules {

    public static final String USERNAME = "username";
    public static final String EMAIL = "email";
    public static final String PASSWORD = "password";

    public static final int USERNAME_MIN = 3;
    public static final int USERNAME_MAX = 32;
    public static final int EMAIL_MAX = 254;
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 128;

    private static final Pattern USERNAME_CHARS = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern DOMAIN = Pattern.compile("[^.@\\s]+(\\.[^.@\\s]+)+");

    private AccountRules() {
    }

    /**
     * Checks a username as typed.
     *
     * @return the username unchanged (its display form)
     */
    public static String validateUsername(String username) {
        if (username == null || username.isEmpty()) {
            throw new ValidationException(USERNAME, "username is required");
        }
        int length = username.codePointCount(0, username.length());
        if (length < USERNAME_MIN || length > USERNAME_MAX) {
            throw new ValidationException(USERNAME,
                    "username must be " + USERNAME_MIN + " to " + USERNAME_MAX + " characters long");
        }
        if (!USERNAME_CHARS.matcher(username).matches()) {
            throw new ValidationException(USERNAME,
                    "username may only contain letters A-Z, digits, '_', '.' and '-'");
        }
        return username;
    }

    /**
     * Checks an e-mail address after {@linkplain #normalizeEmail normalising} it.
     *
     * @return the normalised address, the form to store
     */
    public static String validateEmail(String email) {
        if (email == null || email.isBlank()) {
            throw new ValidationException(EMAIL, "email is required");
        }
        String normalized = normalizeEmail(email);
        if (normalized.length() > EMAIL_MAX) {
            throw new ValidationException(EMAIL, "email must be at most " + EMAIL_MAX + " characters long");
        }
        int at = normalized.indexOf('@');
        boolean valid = at > 0
                && at == normalized.lastIndexOf('@')
                && normalized.chars().noneMatch(AccountRules::isSpaceOrControl)
                && DOMAIN.matcher(normalized).region(at + 1, normalized.length()).matches();
        if (!valid) {
            throw new ValidationException(EMAIL, "email must look like name@example.com");
        }
        return normalized;
    }

    private static boolean isSpaceOrControl(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }

    /** Checks a password's length, counted in code points so an emoji counts as one character. */
    public static void validatePassword(CharSequence password) {
        if (password == null || password.isEmpty()) {
            throw new ValidationException(PASSWORD, "password is required");
        }
        long length = password.codePoints().count();
        if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
            throw new ValidationException(PASSWORD,
                    "password must be " + PASSWORD_MIN + " to " + PASSWORD_MAX + " characters long");
        }
    }

    /** The key usernames are unique by and looked up with: lower case, locale-independent. */
    public static String normalizeUsername(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    /** The stored form of an e-mail address: trimmed and lower case. */
    public static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
