package dev.huddle.server.token;

import java.util.Objects;

/**
 * A token was refused. The message is short and fit to show a user; it never contains the token
 * or its claims, so the exception may be logged and replied as is.
 *
 * <p>No stack trace is captured: refusals are expected, frequent control flow (a client with an
 * expired token retries on every message), and the {@link #reason()} says all there is to know.
 */
public final class InvalidTokenException extends RuntimeException {

    /** Why a token was refused. */
    public enum Reason {
        MISSING("token missing"),
        MALFORMED("token malformed"),
        BAD_SIGNATURE("token signature invalid"),
        UNKNOWN_KEY("token signed by an unknown key"),
        EXPIRED("token expired"),
        NOT_YET_VALID("token not yet valid"),
        WRONG_ISSUER("token from an unknown issuer"),
        WRONG_AUDIENCE("token not meant for this service"),
        UNSIGNED("token unsigned"),
        REVOKED("token revoked"),
        BAD_CLAIMS("token claims invalid");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        /** The default human message for this reason. */
        public String message() {
            return message;
        }
    }

    private final Reason reason;

    /** A refusal with the reason's default message. */
    public InvalidTokenException(Reason reason) {
        this(reason, Objects.requireNonNull(reason, "reason").message());
    }

    /** A refusal with a more precise message, e.g. {@code "token claims invalid: role"}. */
    public InvalidTokenException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the token was refused. */
    public Reason reason() {
        return reason;
    }
}
