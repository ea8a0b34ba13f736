package dev.huddle.chat.message;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * The file a message announces: what a client needs to show it and fetch it
 * ({@code GET /api/files/{id}} or {@code download <token> <id>}) and to check what it fetched.
 *
 * @param sha256 64 lower-case hex digits
 */
public record FileRef(long id, String name, long size, String contentType, String sha256) {

    public FileRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** {@code {"id":12,"name":"report.pdf","size":2411724,"contentType":"application/pdf","sha256":"..."}}. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("name", name).put("size", size).put("contentType", contentType)
            .put("sha256", sha256);
    }
}
