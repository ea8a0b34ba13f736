package dev.huddle.client.http;

import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.WireJson;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/** auth-service's HTTP API (README, "Auth HTTP API"): register, log in, log out. */
public final class AuthApi {

    private final HttpJson http;

    public AuthApi(HttpJson http) {
        this.http = http;
    }

    /** Creates an account; fails with USERNAME_TAKEN, EMAIL_TAKEN, BAD_REQUEST (a weak password, ...). */
    public Future<UserRef> register(String username, String email, String password) {
        return http.object(HttpMethod.POST, "/api/auth/register", null, new JsonObject().put("username", username)
            .put("email", email).put("password", password)).map(UserRef::fromJson);
    }

    /**
     * Fails with INVALID_CREDENTIALS or RATE_LIMITED (too many failures from here or for the account),
     * or TOTP_REQUIRED when the account has two-factor login on and {@code code} is null.
     *
     * @param code a TOTP or recovery code, or null
     */
    public Future<Session> login(String username, String password, String code) {
        JsonObject body = new JsonObject().put("username", username).put("password", password);
        if (code != null && !code.isBlank()) {
            body.put("totp", code.strip());
        }
        return http.object(HttpMethod.POST, "/api/auth/login", null, body).map(Session::fromLogin);
    }

    /**
     * The session a saved token stands for ({@code GET /api/auth/me}): fails with INVALID_TOKEN when it
     * has expired or was revoked. Its expiry is read from the token itself.
     */
    public Future<Session> me(String token) {
        return http.object(HttpMethod.GET, "/api/auth/me", token, null).map(account -> new Session(token,
            UserRef.fromJson(account), WireJson.text(account, "role"), Session.expiryOf(token)));
    }

    /** Revokes the token on every node. */
    public Future<Void> logout(String token) {
        return http.call(HttpMethod.POST, "/api/auth/logout", token, null).mapEmpty();
    }
}
