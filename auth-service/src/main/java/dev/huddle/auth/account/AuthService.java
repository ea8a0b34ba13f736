package dev.huddle.auth.account;

import dev.huddle.auth.password.PasswordHasher;
import dev.huddle.auth.password.PasswordStrength;
import dev.huddle.auth.totp.TwoFactor;
import dev.huddle.auth.token.IssuedToken;
import dev.huddle.auth.token.TokenIssuer;
import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.Role;
import dev.huddle.server.token.Principal;
import dev.huddle.server.token.TrustUpdate;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The account rules: who may register, log in, see and change what. Plain Java and blocking
 * (hashing, SQLite): the verticles run it on worker threads.
 */
public final class AuthService {

    /** What a successful login returns. */
    public record Login(Account account, IssuedToken token) {
    }

    /** A role set, and the change that revokes the user's tokens (empty when the role did not change). */
    public record RoleChanged(Account account, TrustUpdate revoked) {
    }

    /** Usernames resolved to accounts (in request order) and the names nobody has. */
    public record Resolution(List<Account> found, List<String> unknown) {
    }

    /** The parts an {@link AuthService} works with. */
    public record Parts(AccountRepository accounts, PasswordHasher hasher, PasswordStrength strength,
                        TokenIssuer tokens, TokenLedger ledger, LoginThrottle throttle, TwoFactor twoFactor,
                        AdminSetup adminSetup, Clock clock) {
    }

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final PasswordStrength strength;
    private final TokenIssuer tokens;
    private final TokenLedger ledger;
    private final LoginThrottle throttle;
    private final TwoFactor twoFactor;
    private final AdminSetup adminSetup;
    private final Clock clock;
    // verified against when the username is unknown, so a miss costs as much as a wrong password
    private final String decoyHash;

    public AuthService(Parts parts) {
        this.accounts = parts.accounts();
        this.hasher = parts.hasher();
        this.strength = parts.strength();
        this.tokens = parts.tokens();
        this.ledger = parts.ledger();
        this.throttle = parts.throttle();
        this.twoFactor = parts.twoFactor();
        this.adminSetup = parts.adminSetup();
        this.clock = parts.clock();
        this.decoyHash = hasher.hash("decoy password that nobody has");
    }

    /**
     * Creates an account; with the server's one-time setup code ({@link AdminSetup}) it is the admin.
     *
     * @param setupCode null or blank for an ordinary registration
     */
    public Account register(String username, String email, String password, String setupCode) {
        String name = AccountRules.validateUsername(username);
        // the line protocol's `reg <username> <password> [<email>]` makes the email optional
        String mail = email == null || email.isBlank() ? null : AccountRules.validateEmail(email);
        checkNewPassword(password, name, mail);
        String hash = hasher.hash(password);
        AccountRepository.Insert outcome = accounts.insert(name, mail, hash,
            existingAdmins -> adminSetup.roleFor(name, setupCode, existingAdmins),
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return switch (outcome) {
            case AccountRepository.Insert.Created created -> {
                if (created.account().role() == Role.ADMIN && setupCode != null && !setupCode.isBlank()) {
                    adminSetup.claimed();
                }
                yield created.account();
            }
            case AccountRepository.Insert.UsernameTaken taken ->
                throw new HuddleException(ErrorCode.USERNAME_TAKEN, "username '" + name + "' is taken");
            case AccountRepository.Insert.EmailTaken taken ->
                throw new HuddleException(ErrorCode.EMAIL_TAKEN, "an account with that email already exists");
        };
    }

    /**
     * Checks the password and, when the account has two-factor login on, the code; refuses with
     * RATE_LIMITED while the account or address is backing off. A missing or wrong code counts as a
     * failed attempt, like a wrong password.
     *
     * @param code a TOTP or recovery code; null when none was given
     */
    public Login login(String username, String password, String code, String address) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw HuddleException.badRequest("username and password are required");
        }
        Account user = checkPassword(username.trim(), password, address);
        twoFactor.check(user.id(), code);
        throttle.recordSuccess(throttleKey(user.username()), from(address));
        if (hasher.needsRehash(user.passwordHash())) {
            accounts.updatePasswordHash(user.id(), hasher.hash(password));
        }
        IssuedToken token = tokens.issue(user.id(), user.username(), user.role());
        ledger.issued(token, user.id());
        return new Login(user, token);
    }

    /**
     * Changes the caller's password, given the current one (throttled like a login), and revokes
     * every other token of theirs: whoever else was logged in as them is logged out. The caller's own
     * token stays valid.
     *
     * @return the revocations to push to every node
     */
    public TrustUpdate changePassword(Principal caller, String currentPassword, String newPassword, String address) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw new ValidationException("currentPassword", "currentPassword is required");
        }
        Account user = checkPassword(me(caller).username(), currentPassword, address);
        throttle.recordSuccess(throttleKey(user.username()), from(address));
        checkNewPassword(newPassword, user.username(), user.email());
        if (newPassword.equals(currentPassword)) {
            throw new HuddleException(ErrorCode.WEAK_PASSWORD, "the new password must differ from the current one");
        }
        accounts.updatePasswordHash(user.id(), hasher.hash(newPassword));
        return ledger.revokeAllOfExcept(user.id(), caller.tokenId());
    }

    /** Starts (or restarts, while unconfirmed) two-factor enrolment for the caller. */
    public TwoFactor.Enrolment enrolTotp(Principal caller) {
        return twoFactor.enrol(caller.userId(), me(caller).username());
    }

    /** Turns the caller's two-factor login on with a first code; their recovery codes. */
    public List<String> confirmTotp(Principal caller, String code) {
        return twoFactor.confirm(caller.userId(), code);
    }

    /** Turns the caller's two-factor login off; needs their password and a current (or recovery) code. */
    public void disableTotp(Principal caller, String password, String code, String address) {
        Account user = checkPassword(me(caller).username(), password == null ? "" : password, address);
        twoFactor.check(user.id(), code == null ? "" : code);
        throttle.recordSuccess(throttleKey(user.username()), from(address));
        twoFactor.remove(user.id());
    }

    /** Whether the caller's login needs a second factor. */
    public boolean totpOn(Principal caller) {
        return twoFactor.isOn(caller.userId());
    }

    /** Length, then guessability with the account's own name and address as words to avoid. */
    private void checkNewPassword(String password, String username, String email) {
        AccountRules.validatePassword(password);
        strength.check(password, username, email);
    }

    /**
     * The account whose password this is, the attempt counted first (atomic per key) so parallel
     * guesses get no more tries than sequential ones; the caller records a success once every factor passed.
     */
    private Account checkPassword(String username, String password, String address) {
        Optional<Duration> wait = throttle.tryAttempt(throttleKey(username), from(address));
        if (wait.isPresent()) {
            throw new HuddleException(ErrorCode.RATE_LIMITED,
                "too many failed logins; try again in " + Math.max(1, wait.get().toSeconds()) + " s");
        }
        Optional<Account> found = accounts.findByUsername(username);
        boolean matches = hasher.verify(found.map(Account::passwordHash).orElse(decoyHash), password);
        if (found.isEmpty() || !matches) {
            throw new HuddleException(ErrorCode.INVALID_CREDENTIALS, "wrong username or password");
        }
        return found.get();
    }

    private static String throttleKey(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    private static String from(String address) {
        return address == null ? "unknown" : address;
    }

    /** The revocation ledger this service records into. */
    public TokenLedger ledger() {
        return ledger;
    }

    /** Revokes the caller's token; the change to push to every node. */
    public TrustUpdate logout(Principal caller) {
        return ledger.revoke(List.of(new TrustUpdate.Revoked(caller.tokenId(), caller.expiresAt())));
    }

    public Account me(Principal caller) {
        return byId(caller.userId());
    }

    public Account byId(long id) {
        return accounts.findById(id)
            .orElseThrow(() -> new HuddleException(ErrorCode.UNKNOWN_USER, "no user with id " + id));
    }

    public Account byUsername(String username) {
        return Optional.ofNullable(username).map(String::trim).flatMap(accounts::findByUsername)
            .orElseThrow(() -> new HuddleException(ErrorCode.UNKNOWN_USER, "no user named '" + username + "'"));
    }

    /** Case-insensitive; each distinct name once, in the order given. */
    public Resolution resolve(List<String> usernames) {
        Map<String, String> distinct = new LinkedHashMap<>();
        for (String name : usernames) {
            if (name != null && !name.isBlank()) {
                distinct.putIfAbsent(name.trim().toLowerCase(Locale.ROOT), name.trim());
            }
        }
        List<Account> found = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : distinct.values()) {
            accounts.findByUsername(name).ifPresentOrElse(found::add, () -> unknown.add(name));
        }
        return new Resolution(found, unknown);
    }

    public List<Account> listUsers(Principal caller) {
        requireAdmin(caller);
        return accounts.findAll();
    }

    /**
     * Sets a user's role. When it changes, every live token of the user is revoked: their tokens
     * carry the role, so a demoted admin would otherwise stay admin until their tokens expire.
     */
    public RoleChanged setRole(Principal caller, long userId, Role role) {
        requireAdmin(caller);
        Role before = byId(userId).role();
        return switch (accounts.setRole(userId, role)) {
            case AccountRepository.RoleChange.Changed changed -> new RoleChanged(changed.account(),
                before == role ? ledger.revoke(List.of()) : ledger.revokeAllOf(userId));
            case AccountRepository.RoleChange.NoSuchAccount none ->
                throw new HuddleException(ErrorCode.UNKNOWN_USER, "no user with id " + userId);
            case AccountRepository.RoleChange.WouldLeaveNoAdmin last ->
                throw new HuddleException(ErrorCode.CONFLICT, "that would leave Huddle without an admin");
        };
    }

    /** Refuses FORBIDDEN unless the caller is an admin. */
    public static void requireAdmin(Principal caller) {
        if (!caller.isAdmin()) {
            throw new HuddleException(ErrorCode.FORBIDDEN, "only an admin may do that");
        }
    }
}
