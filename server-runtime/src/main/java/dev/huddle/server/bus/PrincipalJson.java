package dev.huddle.server.bus;

import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.Role;
import dev.huddle.server.token.Principal;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A verified caller as it travels on the bus ({@code huddle.auth.verify} answers):
 * {@code {"userId":1,"username":"alice","role":"user","tokenId":"...","expiresAt":"2024-10-30T21:15:02Z"}}.
 */
public final class PrincipalJson {

    private PrincipalJson() {
    }

    public static JsonObject toJson(Principal principal) {
        return new JsonObject()
            .put("userId", principal.userId())
            .put("username", principal.username())
            .put("role", principal.role().wireName())
            .put("tokenId", principal.tokenId())
            .put("expiresAt", principal.expiresAt().toString());
    }

    /** Reads a principal; anything missing or mistyped is a BAD_REQUEST, never a crash. */
    public static Principal fromJson(JsonObject json) {
        try {
            return new Principal(json.getLong("userId"), requireText(json, "username"),
                Role.fromWire(requireText(json, "role")), requireText(json, "tokenId"),
                Instant.parse(requireText(json, "expiresAt")));
        } catch (RuntimeException e) {
            throw HuddleException.badRequest("malformed principal");
        }
    }

    private static String requireText(JsonObject json, String field) {
        String value = json.getString(field);
        if (value == null) {
            throw new IllegalArgumentException(field);
        }
        return value;
    }
}
