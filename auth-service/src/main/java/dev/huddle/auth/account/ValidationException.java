package dev.huddle.auth.account;

import java.util.Objects;

/**
 * An input was refused. {@link #field()} names the input as the client sent it (e.g.
 * {@code "username"}), the message says what is wrong in words fit to show the user.
 */
public final class ValidationException extends RuntimeException {

    private final String field;

    public ValidationException(String field, String message) {
        // no stack trace: a refused input is an expected outcome, answered to the client, never a bug
        super(message, null, false, false);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The name of the refused input. */
    public String field() {
        return field;
    }
}
