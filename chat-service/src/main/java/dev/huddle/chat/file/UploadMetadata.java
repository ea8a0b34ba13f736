package dev.huddle.chat.file;

import dev.huddle.contracts.HuddleException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * tus's {@code Upload-Metadata} header: comma-separated pairs {@code key base64(value)}, a key
 * possibly alone. Huddle reads {@code filename} (or {@code name}, as Uppy sends it), {@code target}
 * and {@code sha256}; other keys ({@code filetype}...) are ignored. The declared type is never used:
 * the server reads the type from the bytes.
 */
final class UploadMetadata {

    private static final int MAX_HEADER = 8 * 1024;

    private UploadMetadata() {
    }

    /** @throws HuddleException BAD_REQUEST for a malformed header, a repeated key or a value that is not base64 */
    static Map<String, String> parse(String header) {
        Map<String, String> values = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return values;
        }
        if (header.length() > MAX_HEADER) {
            throw HuddleException.badRequest("Upload-Metadata is longer than " + MAX_HEADER + " characters");
        }
        for (String pair : header.split(",")) {
            String[] parts = pair.strip().split(" ", -1);
            String key = parts[0];
            if (key.isEmpty() || parts.length > 2 || values.containsKey(key)) {
                throw HuddleException.badRequest("Upload-Metadata must be 'key base64value' pairs with distinct keys");
            }
            try {
                values.put(key, parts.length == 1 ? "" : new String(Base64.getDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw HuddleException.badRequest("Upload-Metadata " + key + " is not base64");
            }
        }
        return values;
    }
}
