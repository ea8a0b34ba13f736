package dev.huddle.auth;

import dev.huddle.auth.account.Account;
import dev.huddle.auth.account.AuthService;
import dev.huddle.auth.account.TokenLedger;
import dev.huddle.server.token.SigningKey;
import dev.huddle.auth.token.SigningKeys;
import dev.huddle.auth.token.TrustBroadcast;
import dev.huddle.auth.totp.TwoFactor;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.Role;
import dev.huddle.server.bus.JsonFields;
import dev.huddle.server.bus.PrincipalJson;
import dev.huddle.server.runtime.ServiceRuntime;
import dev.huddle.server.token.Principal;
import dev.huddle.server.token.TrustUpdate;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * auth-service's operations as JSON in, JSON out futures: the one layer both front doors (HTTP and
 * event bus) call, so they cannot drift apart. Blocking service calls go to the worker pool.
 */
public final class AuthApi {

    private final ServiceRuntime runtime;
    private final AuthService accounts;
    private final TokenLedger ledger;
    private final SigningKeys keys;
    private final TrustBroadcast broadcast;
    private final PasswordWork passwords;

    public AuthApi(ServiceRuntime runtime, AuthService accounts, TokenLedger ledger, SigningKeys keys,
                   TrustBroadcast broadcast, PasswordWork passwords) {
        this.runtime = runtime;
        this.passwords = passwords;
        this.accounts = accounts;
        this.ledger = ledger;
        this.keys = keys;
        this.broadcast = broadcast;
    }

    /** @param address the client's address, for the per-address limit; null if unknown */
    public Future<JsonObject> register(JsonObject body, String address) {
        return passwords.register(address, () -> accounts.register(JsonFields.text(body, "username"),
            JsonFields.text(body, "email"), JsonFields.text(body, "password"), JsonFields.text(body, "setupCode"))
            .toPublicJson());
    }

    /** {@code {username, password, totp?}} → {@code {token, tokenType, expiresAt, user}}. */
    public Future<JsonObject> login(JsonObject body, String address) {
        return passwords.login(() -> {
            AuthService.Login login = accounts.login(JsonFields.text(body, "username"),
                JsonFields.text(body, "password"), JsonFields.text(body, "totp"), address);
            return new JsonObject()
                .put("token", login.token().token())
                .put("tokenType", "Bearer")
                .put("expiresAt", login.token().expiresAt().toString())
                .put("user", login.account().toPublicJson());
        });
    }

    /** Revokes the token on every node; completes once all of them refuse it. */
    public Future<JsonObject> logout(String token) {
        return runtime.tokens().verify(token)
            .compose(principal -> runtime.blocking(() -> accounts.logout(principal)))
            .compose(broadcast::publish)
            .map(v -> new JsonObject().put("loggedOut", true));
    }

    /**
     * {@code {currentPassword, newPassword}}: changes the caller's password; every other token of
     * theirs is refused on every node before this answers {@code {passwordChanged, tokensRevoked}}.
     */
    public Future<JsonObject> changePassword(Principal caller, JsonObject body, String address) {
        return passwords.login(() -> accounts.changePassword(caller, JsonFields.text(body, "currentPassword"),
                JsonFields.text(body, "newPassword"), address))
            .compose(revoked -> broadcast.publish(revoked).map(v -> new JsonObject().put("passwordChanged", true)
                .put("tokensRevoked", revoked.revoked().size())));
    }

    /** {@code {enabled}}: whether the caller's login needs a second factor. */
    public Future<JsonObject> totpStatus(Principal caller) {
        return runtime.blocking(() -> new JsonObject().put("enabled", accounts.totpOn(caller)));
    }

    /** Starts two-factor enrolment: {@code {secret, otpauthUri}}, shown this once. */
    public Future<JsonObject> totpEnrol(Principal caller) {
        return runtime.blocking(() -> {
            TwoFactor.Enrolment enrolment = accounts.enrolTotp(caller);
            return new JsonObject().put("secret", enrolment.secret()).put("otpauthUri", enrolment.otpauthUri());
        });
    }

    /** {@code {totp}}: the first code turns two-factor login on; {@code {enabled, recoveryCodes}}, shown this once. */
    public Future<JsonObject> totpConfirm(Principal caller, JsonObject body) {
        return runtime.blocking(() -> new JsonObject().put("enabled", true)
            .put("recoveryCodes", new JsonArray(accounts.confirmTotp(caller, JsonFields.text(body, "totp")))));
    }

    /** {@code {password, totp}}: turns two-factor login off. */
    public Future<JsonObject> totpDisable(Principal caller, JsonObject body, String address) {
        return passwords.login(() -> {
            accounts.disableTotp(caller, JsonFields.text(body, "password"), JsonFields.text(body, "totp"), address);
            return new JsonObject().put("enabled", false);
        });
    }

    /** The same operations for the line protocol, which sends the token in the body ({@code token}). */
    public Future<JsonObject> withToken(JsonObject body, java.util.function.Function<Principal, Future<JsonObject>> op) {
        return runtime.tokens().verify(JsonFields.text(body, "token")).compose(op);
    }

    /** {@code {since}} → what changed after that revision, with every key that verifies ({@code TrustUpdate}). */
    public Future<JsonObject> trustSince(JsonObject body) {
        long since = body.getValue("since") instanceof Number n ? n.longValue() : TrustUpdate.SNAPSHOT;
        return runtime.blocking(() -> ledger.since(since, keys.verifying()).toJson());
    }

    /** The token keys: which one signs, which others still verify. Admin only. */
    public Future<JsonObject> listKeys(Principal caller) {
        AuthService.requireAdmin(caller);
        return Future.succeededFuture(keysJson());
    }

    /**
     * A new signing key: every node learns it first, then it signs; the previous one keeps verifying
     * until retired. Admin only.
     */
    public Future<JsonObject> rotateKeys(Principal caller) {
        AuthService.requireAdmin(caller);
        return runtime.blocking(() -> {
                SigningKey next = keys.prepare();
                return new PreparedKey(next, ledger.keysChanged(keys.verifying()));
            })
            .compose(prepared -> broadcast.publish(prepared.announced())
                .compose(v -> runtime.blocking(() -> {
                    keys.promote(prepared.key().kid());
                    return keysJson();
                })));
    }

    /** Stops a key from verifying on every node; tokens it signed are refused from then on. Admin only. */
    public Future<JsonObject> retireKey(Principal caller, String kid) {
        AuthService.requireAdmin(caller);
        return runtime.blocking(() -> {
                keys.retire(kid);
                return ledger.keysChanged(keys.verifying());
            })
            .compose(broadcast::publish)
            .map(v -> keysJson());
    }

    public Future<JsonObject> verify(JsonObject body) {
        return runtime.tokens().verify(JsonFields.text(body, "token")).map(PrincipalJson::toJson);
    }

    public Future<JsonObject> me(Principal caller) {
        return runtime.blocking(() -> accounts.me(caller).toJson());
    }

    public Future<JsonArray> listUsers(Principal caller) {
        return runtime.blocking(() -> new JsonArray(accounts.listUsers(caller).stream()
            .map(Account::toJson).toList()));
    }

    /** Sets the role; the user's tokens are refused everywhere before this answers (role changes only). */
    public Future<JsonObject> setRole(Principal caller, long userId, JsonObject body) {
        return runtime.blocking(() -> accounts.setRole(caller, userId, parseRole(JsonFields.requiredText(body, "role"))))
            .compose(changed -> broadcast.publish(changed.revoked()).map(v -> changed.account().toJson()));
    }

    /** {@code {usernames:[..]}} → {@code {users:[..], unknown:[..]}}. */
    public Future<JsonObject> resolve(JsonObject body) {
        return runtime.blocking(() -> {
            AuthService.Resolution resolution = accounts.resolve(JsonFields.texts(body, "usernames"));
            return new JsonObject()
                .put("users", new JsonArray(resolution.found().stream().map(Account::toPublicJson).toList()))
                .put("unknown", new JsonArray(resolution.unknown()));
        });
    }

    /** {@code {id}} or {@code {username}} → the public view of that user. */
    public Future<JsonObject> user(JsonObject body) {
        Function<AuthService, Account> lookup = body != null && body.containsKey("id")
            ? s -> s.byId(JsonFields.requiredId(body, "id"))
            : s -> s.byUsername(JsonFields.requiredText(body, "username"));
        return runtime.blocking(() -> lookup.apply(accounts).toPublicJson());
    }

    private JsonObject keysJson() {
        return new JsonObject().put("signing", keys.current().kid()).put("verifying", new JsonArray(keys.retirable()));
    }

    /** A key made for a rotation, and the change that makes every node trust it before it signs. */
    private record PreparedKey(SigningKey key, TrustUpdate announced) {
    }

    private static Role parseRole(String text) {
        try {
            return Role.fromWire(text);
        } catch (IllegalArgumentException e) {
            throw HuddleException.badRequest("role must be 'user' or 'admin'");
        }
    }
}
