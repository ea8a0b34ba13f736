package dev.huddle.contracts;

import io.vertx.core.json.JsonObject;

/**
 * A refusal with a stable {@link ErrorCode} and a message meant for people. Services throw it for
 * every expected failure; anything else is reported as {@link ErrorCode#INTERNAL} without details.
 */
public class HuddleException extends RuntimeException {

    private final ErrorCode code;

    public HuddleException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** The JSON body clients receive: {@code {"code":"USERNAME_TAKEN","message":"..."}}. */
    public JsonObject toJson() {
        return new JsonObject().put("code", code.name()).put("message", getMessage());
    }

    /** Reads an error body; anything unreadable becomes an {@link ErrorCode#INTERNAL} error. */
    public static HuddleException fromJson(JsonObject json) {
        if (json == null) {
            return new HuddleException(ErrorCode.INTERNAL, "unreadable error");
        }
        String message = json.getValue("message") instanceof String s ? s : "error";
        String code = json.getValue("code") instanceof String s ? s : "";
        return new HuddleException(ErrorCode.fromName(code), message);
    }

    public static HuddleException badRequest(String message) {
        return new HuddleException(ErrorCode.BAD_REQUEST, message);
    }
}
