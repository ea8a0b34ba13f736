package dev.huddle.auth.account;

import dev.huddle.auth.password.PasswordHasher;
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

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final TokenLedger ledger;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final String adminUsername;
    // verified against when the username is unknown, so a miss costs as much as a wrong password
    private final String decoyHash;

    public AuthService(AccountRepository accounts, PasswordHasher hasher, TokenIssuer tokens, TokenLedger ledger,
                       LoginThrottle throttle, Clock clock, String adminUsername) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.tokens = tokens;
        this.ledger = ledger;
        this.throttle = throttle;
        this.clock = clock;
        this.adminUsername = adminUsername == null ? "" : adminUsername.trim();
        this.decoyHash = hasher.hash("decoy password that nobody has");
    }

    public Account register(String username, String email, String password) {
        String name = AccountRules.validateUsername(username);
        // the line protocol's `reg <username> <password> [<email>]` makes the email optional
        String mail = email == null || email.isBlank() ? null : AccountRules.validateEmail(email);
        AccountRules.validatePassword(password);
        String hash = hasher.hash(password);
        AccountRepository.Insert outcome = accounts.insert(name, mail, hash, existing -> roleFor(name, existing),
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return switch (outcome) {
            case AccountRepository.Insert.Created created -> created.account();
            case AccountRepository.Insert.UsernameTaken taken ->
                throw new HuddleException(ErrorCode.USERNAME_TAKEN, "username '" + name + "' is taken");
            case AccountRepository.Insert.EmailTaken taken ->
                throw new HuddleException(ErrorCode.EMAIL_TAKEN, "an account with that email already exists");
        };
    }

    /** Checks the password; refuses with RATE_LIMITED while the account or address is backing off. */
    public Login login(String username, String password, String address) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw HuddleException.badRequest("username and password are required");
        }
        String account = username.trim().toLowerCase(Locale.ROOT);
        String from = address == null ? "unknown" : address;
        Optional<Duration> wait = throttle.tryAttempt(account, from);
        if (wait.isPresent()) {
            throw new HuddleException(ErrorCode.RATE_LIMITED,
                "too many failed logins; try again in " + Math.max(1, wait.get().toSeconds()) + " s");
        }
        Optional<Account> found = accounts.findByUsername(username.trim());
        boolean matches = hasher.verify(found.map(Account::passwordHash).orElse(decoyHash), password);
        if (found.isEmpty() || !matches) {
            throw new HuddleException(ErrorCode.INVALID_CREDENTIALS, "wrong username or password");
        }
        throttle.recordSuccess(account, from);
        Account user = found.get();
        if (hasher.needsRehash(user.passwordHash())) {
            accounts.updatePasswordHash(user.id(), hasher.hash(password));
        }
        IssuedToken token = tokens.issue(user.id(), user.username(), user.role());
        ledger.issued(token, user.id());
        return new Login(user, token);
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

    /** The configured admin username is admin; with none configured, the very first account is. */
    private Role roleFor(String username, int existingAccounts) {
        if (!adminUsername.isEmpty()) {
            return adminUsername.equalsIgnoreCase(username) ? Role.ADMIN : Role.USER;
        }
        return existingAccounts == 0 ? Role.ADMIN : Role.USER;
    }

    /** Refuses FORBIDDEN unless the caller is an admin. */
    public static void requireAdmin(Principal caller) {
        if (!caller.isAdmin()) {
            throw new HuddleException(ErrorCode.FORBIDDEN, "only an admin may do that");
        }
    }
}
