package dev.huddle.contracts.chat;

import dev.huddle.contracts.HuddleException;
import dev.huddle.contracts.WireJson;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Objects;

/**
 * The file a room message or a direct message shares (its {@code file} object): what a client needs
 * to show it, fetch it ({@code GET /api/files/{id}} or {@code download <token> <id>}) and check what
 * it fetched.
 * <pre>{"id":12,"name":"report.pdf","size":2411724,"contentType":"application/pdf","sha256":"..."}</pre>
 *
 * @param sha256 64 lower-case hex digits
 */
public record FileInfo(long id, String name, long size, String contentType, String sha256) {

    public FileInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(sha256, "sha256");
    }

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("name", name).put("size", size).put("contentType", contentType)
            .put("sha256", sha256);
    }

    /** @throws HuddleException BAD_REQUEST for a missing or mistyped field */
    public static FileInfo fromJson(JsonObject json) {
        return new FileInfo(WireJson.id(json, "id"), WireJson.text(json, "name"), WireJson.id(json, "size"),
            WireJson.text(json, "contentType"), WireJson.text(json, "sha256"));
    }

    /** The message's {@code file}, or null when it shares none. */
    static FileInfo optional(JsonObject message) {
        return message.getValue("file") == null ? null : fromJson(WireJson.object(message, "file"));
    }

    /** Whether a client may show it as a picture (the server sniffs the type from the bytes). */
    public boolean isImage() {
        return contentType.toLowerCase(Locale.ROOT).startsWith("image/");
    }

    /** {@code report.pdf (2.3 MB)}. */
    public String describe() {
        return name + " (" + FileSize.human(size) + ")";
    }
}
