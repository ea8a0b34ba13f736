package dev.huddle.client.http;

import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.WireJson;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * auth-service's HTTP API (README, "Auth HTTP API"): register, log in, log out, and the account's
 * own security: its password and two-factor login.
 */
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

    /**
     * Changes the password. The server revokes every other token of the account on every node; this
     * one stays valid. The result is how many sessions ended. Fails with INVALID_CREDENTIALS for a wrong
     * current password, WEAK_PASSWORD for a new one that is easy to guess.
     */
    public Future<Integer> changePassword(String token, String currentPassword, String newPassword) {
        return http.object(HttpMethod.POST, "/api/auth/password", token, new JsonObject()
            .put("currentPassword", currentPassword).put("newPassword", newPassword))
            .map(answer -> answer.getInteger("tokensRevoked", 0));
    }

    /** Whether the account's login needs a second factor. */
    public Future<Boolean> totpEnabled(String token) {
        return http.object(HttpMethod.GET, "/api/auth/totp", token, null).map(answer -> WireJson.flag(answer, "enabled"));
    }

    /** Starts two-factor enrolment: a new secret, pending until {@link #confirmTotp} turns it on. */
    public Future<TotpEnrolment> enrolTotp(String token) {
        return http.object(HttpMethod.POST, "/api/auth/totp", token, new JsonObject())
            .map(answer -> new TotpEnrolment(WireJson.text(answer, "secret"), WireJson.text(answer, "otpauthUri")));
    }

    /** The app's first code turns two-factor login on; the result is the single-use recovery codes, given this once. */
    public Future<List<String>> confirmTotp(String token, String code) {
        return http.object(HttpMethod.POST, "/api/auth/totp/confirm", token, new JsonObject().put("totp", code.strip()))
            .map(answer -> recoveryCodes(answer.getJsonArray("recoveryCodes")));
    }

    /** Turns two-factor login off; {@code code} is a current code or a recovery code. */
    public Future<Void> disableTotp(String token, String password, String code) {
        return http.object(HttpMethod.POST, "/api/auth/totp/disable", token, new JsonObject()
            .put("password", password).put("totp", code.strip())).mapEmpty();
    }

    private static List<String> recoveryCodes(JsonArray codes) {
        return codes == null ? List.of() : codes.stream().map(String::valueOf).toList();
    }

    /** Revokes the token on every node. */
    public Future<Void> logout(String token) {
        return http.call(HttpMethod.POST, "/api/auth/logout", token, null).mapEmpty();
    }
}
