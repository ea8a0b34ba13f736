package dev.huddle.auth.account;

import dev.huddle.contracts.Role;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A stored account ({@code email} may be null). The password hash never leaves auth-service. */
public record Account(long id, String username, String email, String passwordHash, Role role, Instant createdAt) {

    /** What other users and services may see. */
    public JsonObject toPublicJson() {
        return new JsonObject().put("id", id).put("username", username).put("role", role.wireName());
    }

    /** What the account holder (and admins) see. */
    public JsonObject toJson() {
        return toPublicJson().put("email", email).put("createdAt", createdAt.toString());
    }
}
