package dev.huddle.client.http;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.WireJson;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A logged-in user: the bearer token auth-service issued, who it names and when it expires, read from
 * {@code POST /api/auth/login}'s {@code {"token","tokenType","expiresAt","user":{id,username,role}}}.
 */
public record Session(String token, UserRef user, String role, Instant expiresAt) {

    public Session {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static Session fromLogin(JsonObject json) {
        JsonObject user = WireJson.object(json, "user");
        return new Session(WireJson.text(json, "token"), UserRef.fromJson(user), WireJson.text(user, "role"),
            WireJson.instant(json, "expiresAt"));
    }

    /**
     * When a token expires, from its {@code exp} claim. Read without checking the signature: only
     * the servers trust a token, this merely says when to stop offering it.
     *
     * @throws HuddleException INVALID_TOKEN for anything that is not a JWT with an {@code exp}
     */
    public static Instant expiryOf(String token) {
        String[] parts = token.split("\\.");
        try {
            JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return Instant.ofEpochSecond(WireJson.id(claims, "exp"));
        } catch (RuntimeException e) {
            throw new HuddleException(ErrorCode.INVALID_TOKEN, "the saved token is not readable");
        }
    }

    public String username() {
        return user.username();
    }

    /** Whether {@code username} is this session's user (usernames are case-insensitive). */
    public boolean isMe(String username) {
        return user.username().equalsIgnoreCase(username);
    }

    @Override
    public String toString() {
        return "Session[" + user.username() + ", token masked]";
    }
}
