package dev.huddle.client.http;

import dev.huddle.contracts.UserRef;
import dev.huddle.contracts.WireJson;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
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
