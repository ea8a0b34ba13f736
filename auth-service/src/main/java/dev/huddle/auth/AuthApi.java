package dev.huddle.auth;

import dev.huddle.auth.account.Account;
import dev.huddle.auth.account.AuthService;
import dev.huddle.contracts.Role;
import dev.huddle.server.bus.JsonFields;
import dev.huddle.server.bus.PrincipalJson;
import dev.huddle.server.runtime.ServiceRuntime;
import dev.huddle.server.token.Principal;
import dev.huddle.server.token.TokenRevocations;
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
    private final TokenRevocations revocations;

    public AuthApi(ServiceRuntime runtime, AuthService accounts, TokenRevocations revocations) {
        this.runtime = runtime;
        this.accounts = accounts;
        this.revocations = revocations;
    }

    public Future<JsonObject> register(JsonObject body) {
        return runtime.blocking(() -> accounts.register(JsonFields.text(body, "username"),
            JsonFields.text(body, "email"), JsonFields.text(body, "password")).toPublicJson());
    }

    /** {@code {token, tokenType, expiresAt, user}}. */
    public Future<JsonObject> login(JsonObject body, String address) {
        return runtime.blocking(() -> {
            AuthService.Login login = accounts.login(JsonFields.text(body, "username"),
                JsonFields.text(body, "password"), address);
            return new JsonObject()
                .put("token", login.token().token())
                .put("tokenType", "Bearer")
                .put("expiresAt", login.token().expiresAt().toString())
                .put("user", login.account().toPublicJson());
        });
    }

    /** Revokes the token on every node; completes once all of them refuse it. */
    public Future<JsonObject> logout(String token) {
        return runtime.tokens().verify(token).compose(principal -> {
            runtime.tokens().revokeLocally(principal.tokenId(), principal.expiresAt());
            return revocations.revoke(principal.tokenId(), principal.expiresAt());
        }).map(v -> new JsonObject().put("loggedOut", true));
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

    public Future<JsonObject> setRole(Principal caller, long userId, JsonObject body) {
        return runtime.blocking(() -> {
            Role role = parseRole(JsonFields.requiredText(body, "role"));
            return accounts.setRole(caller, userId, role).toJson();
        });
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

    private static Role parseRole(String text) {
        try {
            return Role.fromWire(text);
        } catch (IllegalArgumentException e) {
            throw dev.huddle.contracts.HuddleException.badRequest("role must be 'user' or 'admin'");
        }
    }
}
